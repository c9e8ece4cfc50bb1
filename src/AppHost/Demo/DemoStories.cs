using CrmPlatform.Contracts.Customers.V1;
using static CrmPlatform.Contracts.Customers.V1.InteractionChannel;
using static CrmPlatform.Contracts.Customers.V1.InteractionDirection;
using static CrmPlatform.Contracts.Customers.V1.InteractionOutcome;
using static CrmPlatform.Contracts.Customers.V1.InteractionPurpose;
using static CrmPlatform.Contracts.Customers.V1.TouchpointOwner;
using static CrmPlatform.Contracts.Customers.V1.TouchpointType;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// The interactions each <see cref="DemoStory"/> tells, oldest first. The Customers service derives the Dwyer phase from
/// them (src/Customers/README.md): two-way contact means exploration, a purchase expansion, three purchases in a year
/// commitment, a cancellation or 180 quiet days dissolution. Outbound attempts a few days apart are flagged as repeated
/// contact (the default window is 7 days). Each interaction re-derives the phase as it is recorded, so stories that are
/// not about going quiet start less than 180 days ago: an older first interaction would pass through dissolution.
/// </summary>
public static class DemoStories
{
    private static readonly IReadOnlyDictionary<DemoStory, IReadOnlyList<DemoStep>> Steps = new Dictionary<DemoStory, IReadOnlyList<DemoStep>>
    {
        [DemoStory.Prospect] =
        [
            new(60, AdExposure, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Saw our ad in the trade magazine", Contact: null),
            new(45, SocialPost, Static, Social, Outbound, Marketing, InteractionOutcome.Unspecified, "Liked our LinkedIn post on the spring release", Contact: null),
            new(20, Email, Static, Brand, Outbound, Marketing, NotReached, "Introduction email: no reply")
            {
                FollowUp = new(4, "Call after the trade show"),
            },
        ],
        [DemoStory.Exploring] =
        [
            new(40, Web, Interactive, Brand, Inbound, Information, Reached, "Downloaded the product brochure"),
            new(30, Call, Human, Brand, Outbound, Sales, Reached, "Discovery call: current tools and pain points"),
            new(15, Meeting, Human, Brand, Outbound, Sales, Interested, "Product demo with the team"),
            new(6, Call, Human, Brand, Outbound, Sales, NotReached, "Call about the proposal: voicemail", Contact: 1),
            new(4, Call, Human, Brand, Outbound, Sales, NotReached, "Second call about the proposal: no answer", Contact: 1),
            new(2, Email, Human, Brand, Outbound, Sales, Reached, "Sent the proposal by email", Contact: 1)
            {
                FollowUp = new(-1, "Walk them through the proposal"),
            },
        ],
        [DemoStory.FirstPurchase] =
        [
            new(120, Visit, Human, Partner, Inbound, Information, Interested, "Visited the partner showroom"),
            new(95, Meeting, Human, Brand, Outbound, Sales, Interested, "Needs analysis meeting"),
            new(70, Email, Human, Brand, Outbound, Sales, Reached, "Sent the quote"),
            new(55, Call, Human, Brand, Inbound, Purchase, Purchased, "Signed the first order"),
            new(30, Chat, Interactive, Brand, Inbound, Service, Resolved, "Onboarding question in the chat") { ByServiceAgent = true },
            new(12, Call, Human, Brand, Outbound, InteractionPurpose.Relationship, Reached, "Check-in call after onboarding")
            {
                FollowUp = new(-5, "Send the cross-sell offer"),
            },
            new(3, Letter, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Mailed the loyalty programme brochure"),
        ],
        [DemoStory.Loyal] =
        [
            new(160, Meeting, Human, Brand, Outbound, Sales, Interested, "Kick-off meeting"),
            new(140, Call, Human, Brand, Inbound, Purchase, Purchased, "First order"),
            new(110, Email, Human, Brand, Inbound, Purchase, Purchased, "Repeat order by email"),
            new(75, Web, Interactive, TouchpointOwner.Customer, Inbound, Purchase, Purchased, "Order through their procurement portal"),
            new(60, Visit, Human, Brand, Outbound, InteractionPurpose.Relationship, Reached, "Quarterly business review on site")
            {
                FollowUp = new(-55, "Send the review minutes", Done: true),
            },
            new(40, Call, Human, Brand, Inbound, Service, Resolved, "Support: invoice address change") { ByServiceAgent = true },
            new(20, Email, Human, Partner, Inbound, Purchase, Purchased, "Order through our reseller"),
            new(8, Meeting, Human, Brand, Outbound, Sales, Interested, "Renewal and upsell meeting")
            {
                FollowUp = new(3, "Send the renewal quote"),
            },
        ],
        [DemoStory.Cancelled] =
        [
            new(160, Call, Human, Brand, Outbound, Sales, Interested, "Introduction call"),
            new(140, Call, Human, Brand, Inbound, Purchase, Purchased, "First order"),
            new(60, Call, Human, Brand, Inbound, Complaint, Escalated, "Complaint: late delivery")
            {
                ByServiceAgent = true,
                FollowUp = new(-20, "Offer a credit memo"),
            },
            new(45, Letter, Static, Brand, Outbound, Service, InteractionOutcome.Unspecified, "Apology letter with a voucher"),
            new(25, Email, Human, TouchpointOwner.Customer, Inbound, Complaint, InteractionOutcome.Cancelled, "Cancelled the contract"),
            new(10, Call, Human, Brand, Outbound, InteractionPurpose.Relationship, NotReached, "Win-back call: no answer")
            {
                FollowUp = new(7, "Try the win-back offer again"),
            },
        ],
        [DemoStory.Lapsed] =
        [
            new(320, AdExposure, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Saw the billboard campaign", Contact: null),
            new(290, Web, Interactive, Brand, Inbound, Information, Interested, "Signed up for the webinar"),
            new(260, Chat, Interactive, Brand, Inbound, Sales, Reached, "Asked about prices in the chat"),
            new(230, Email, Human, Brand, Outbound, Sales, NotInterested, "Follow-up email: not now"),
        ],
    };

    /// <summary>
    /// What each member of a company's staff (every contact but the decision maker) does in the story besides it: the
    /// people of a business customer meet, ask and complain on their own. None of it changes the phase the story leads
    /// to: a prospect's staff only see our marketing (no two-way contact); elsewhere staff speak up only after the story's
    /// first two-way contact, buy nothing, and fall silent before a cancellation or the lapse of 180 days. Our outbound
    /// contacts with one person are weeks apart, so none is a repeated attempt.
    /// </summary>
    private static readonly IReadOnlyDictionary<DemoStory, IReadOnlyList<DemoStep>> StaffSteps = new Dictionary<DemoStory, IReadOnlyList<DemoStep>>
    {
        [DemoStory.Prospect] =
        [
            new(50, AdExposure, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Saw our ad on an industry news site"),
            new(40, Email, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Received the spring newsletter"),
            new(30, SocialPost, Static, Social, Outbound, Marketing, InteractionOutcome.Unspecified, "Shared our post about the spring release"),
            new(10, Letter, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Received the printed catalogue"),
        ],
        [DemoStory.Exploring] =
        [
            new(35, Web, Interactive, Brand, Inbound, Information, Reached, "Read the integration guide"),
            new(25, Meeting, Human, Brand, Outbound, Sales, Interested, "Joined the product demo"),
            new(20, Web, Interactive, Brand, Inbound, Information, Reached, "Watched the recorded demo again"),
            new(12, Email, Human, TouchpointOwner.Customer, Inbound, Information, Reached, "Asked how their data would be migrated"),
            new(5, Chat, Interactive, Brand, Inbound, Information, Reached, "Asked about user licences in the chat"),
        ],
        [DemoStory.FirstPurchase] =
        [
            new(100, Meeting, Human, Brand, Outbound, Sales, Interested, "Attended the needs analysis"),
            new(50, Email, Human, TouchpointOwner.Customer, Inbound, Service, Reached, "Asked for the onboarding plan"),
            new(40, Meeting, Human, Brand, Outbound, Service, Reached, "Onboarding training session"),
            new(30, Call, Human, Brand, Inbound, Service, Resolved, "Support: setting up user accounts") { ByServiceAgent = true },
            new(20, Chat, Interactive, Brand, Inbound, Service, Resolved, "Password reset in the chat") { ByServiceAgent = true },
            new(8, Web, Interactive, Brand, Inbound, Information, Reached, "Registered for the user webinar"),
        ],
        [DemoStory.Loyal] =
        [
            new(150, Meeting, Human, Brand, Outbound, Sales, Interested, "Joined the kick-off meeting"),
            new(125, Email, Human, TouchpointOwner.Customer, Inbound, Service, Reached, "Sent their delivery schedule"),
            new(110, Chat, Interactive, Brand, Inbound, Information, Reached, "Asked about the product roadmap in the chat"),
            new(95, Call, Human, Brand, Inbound, Service, Resolved, "Support: a delivery note was missing") { ByServiceAgent = true },
            new(70, Web, Interactive, TouchpointOwner.Customer, Inbound, Information, Reached, "Updated their details on the procurement portal"),
            new(45, Meeting, Human, Brand, Outbound, InteractionPurpose.Relationship, Reached, "User group meeting"),
            new(15, Email, Human, TouchpointOwner.Customer, Inbound, Service, Resolved, "Asked for a copy of an invoice") { ByServiceAgent = true },
        ],
        [DemoStory.Cancelled] =
        [
            new(150, Meeting, Human, Brand, Outbound, Sales, Interested, "Joined the introduction meeting"),
            new(100, Email, Human, TouchpointOwner.Customer, Inbound, Service, Reached, "Asked about the delivery dates"),
            new(80, Chat, Interactive, Brand, Inbound, Service, Resolved, "Tracked a delivery in the chat") { ByServiceAgent = true },
            new(55, Call, Human, Brand, Inbound, Complaint, Escalated, "Complained about missing parts") { ByServiceAgent = true },
            new(35, Email, Human, TouchpointOwner.Customer, Inbound, Complaint, Escalated, "Chased the credit memo"),
        ],
        [DemoStory.Lapsed] =
        [
            new(300, Web, Interactive, Brand, Inbound, Information, Reached, "Downloaded the price list"),
            new(270, Chat, Interactive, Brand, Inbound, Information, Reached, "Asked about delivery times in the chat"),
            new(255, Email, Human, TouchpointOwner.Customer, Inbound, Information, Reached, "Asked for a reference customer"),
            new(240, Letter, Static, Brand, Outbound, Marketing, InteractionOutcome.Unspecified, "Received the autumn catalogue"),
        ],
    };

    /// <summary>
    /// The story's interactions for the account at <paramref name="accountIndex"/>: shifted back by up to 12 days per
    /// account so that timelines differ while the gaps that matter (repeats, purchases in a year) stay the same.
    /// </summary>
    public static IReadOnlyList<DemoStep> For(DemoStory story, int accountIndex) =>
        [.. Steps[story].Select(step => step with { DaysAgo = Shifted(step.DaysAgo, accountIndex) })];

    /// <summary>
    /// Every interaction of the account at <paramref name="accountIndex"/>, with the key its request id is derived from:
    /// the story (<see cref="For"/>), then for a company each staff member's own (<see cref="StaffSteps"/>), a day or
    /// two apart from one colleague to the next.
    /// </summary>
    public static IReadOnlyList<(string Key, DemoStep Step)> Timeline(DemoAccount account, int accountIndex)
    {
        ArgumentNullException.ThrowIfNull(account);
        var story = For(account.Story, accountIndex).Select((step, s) => ($"interaction/{s}", step));
        var staff = account.Kind != AccountKind.Company
            ? []
            : Enumerable.Range(1, Math.Max(0, account.Contacts.Count - 1)).SelectMany(c => StaffSteps[account.Story].Select((step, s) =>
                ($"contact/{c}/interaction/{s}", step with { DaysAgo = Shifted(step.DaysAgo, accountIndex) - c % 3, Contact = c })));
        return [.. story, .. staff];
    }

    private static int Shifted(int daysAgo, int accountIndex) => daysAgo + accountIndex % 5 * 3;
}
