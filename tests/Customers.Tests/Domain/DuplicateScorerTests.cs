using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class DuplicateScorerTests
{
    [Fact]
    public void Jon_Smith_is_a_probable_duplicate_of_John_Smith_with_the_same_mailbox()
    {
        var existing = PartyProfile.Of("John Smith", EmailAddresses.Normalize("JON.SMITH@ACME.COM", "email"), null, null);
        var candidate = PartyProfile.Of("Jon Smith", EmailAddresses.Normalize("jon.smith@acme.com", "email"), null, null);

        var match = DuplicateScorer.Score(candidate, existing);

        Assert.True(match.IsProbable, $"score {match.Score}");
        Assert.Equal(["name", "email", "company_domain"], match.MatchedFields);
    }

    [Fact]
    public void Similar_names_with_similar_mailboxes_at_one_company_are_probable_duplicates()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Jon Smith", "jon.smith@acme.com", null, null),
            PartyProfile.Of("John Smith", "john.smith@acme.com", null, null));

        Assert.True(match.IsProbable, $"score {match.Score}");
    }

    [Fact]
    public void Near_names_with_near_mailboxes_at_a_free_mail_provider_are_possible_but_not_probable()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Maria Lopez", "maria.lopez@gmail.com", null, null),
            PartyProfile.Of("Mario Lopez", "mario.lopez@gmail.com", null, null));

        Assert.True(match.IsPossible, $"score {match.Score}");
        Assert.False(match.IsProbable, $"score {match.Score}");
        Assert.Equal(["name", "email"], match.MatchedFields);
    }

    [Fact]
    public void The_same_name_with_a_near_mailbox_at_a_free_mail_provider_is_probable()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Jon Smith", "jon.smith@gmail.com", null, null),
            PartyProfile.Of("Jon Smith", "jon.smith1@gmail.com", null, null));

        Assert.True(match.IsProbable, $"score {match.Score}");
    }

    [Fact]
    public void Numbered_branches_of_one_company_are_not_duplicates_however_alike_their_names_and_mailboxes()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Acme Store 001", "store001@acme.com", null, "acme.com"),
            PartyProfile.Of("Acme Store 002", "store002@acme.com", null, "acme.com"));

        Assert.Equal(0, match.Score);
    }

    [Fact]
    public void A_number_written_with_leading_zeros_is_the_same_number()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Acme Store 7", "store7@acme.com", null, "acme.com"),
            PartyProfile.Of("Acme Store 007", "store007@acme.com", null, "acme.com"));

        Assert.True(match.IsProbable, $"score {match.Score}");
        Assert.Equal(["name", "email", "company_domain"], match.MatchedFields);
    }

    [Fact]
    public void Numbered_branches_sharing_one_email_address_are_still_probable_duplicates()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Acme Store 001", "stores@acme.com", null, "acme.com"),
            PartyProfile.Of("Acme Store 002", "STORES@acme.com", null, "acme.com"));

        Assert.True(match.IsProbable, $"score {match.Score}");
        Assert.Equal(["email"], match.MatchedFields);
    }

    [Fact]
    public void Colleagues_sharing_a_company_domain_are_not_duplicates()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Jane Doe", "jane.doe@acme.com", null, null),
            PartyProfile.Of("John Smith", "john.smith@acme.com", null, null));

        Assert.Equal(0, match.Score);
    }

    [Fact]
    public void The_same_name_alone_is_possible_but_not_probable()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("John Smith", "js@gmail.com", null, null),
            PartyProfile.Of("John Smith", "john@yahoo.com", null, null));

        Assert.True(match.IsPossible);
        Assert.False(match.IsProbable);
    }

    [Fact]
    public void The_same_phone_is_a_probable_duplicate_even_under_another_name()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("M. Garcia", null, "+12125550142", null),
            PartyProfile.Of("Maria Garcia", null, "+12125550142", null));

        Assert.True(match.IsProbable);
        Assert.Contains("phone", match.MatchedFields);
    }

    [Fact]
    public void Colleagues_sharing_the_company_switchboard_are_possible_not_probable_duplicates()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Bob Stone", "bob.stone@acme.com", "+12125550100", "acme.com"),
            PartyProfile.Of("Ann Lee", "ann.lee@acme.com", "+12125550100", "acme.com"));

        Assert.Equal(DuplicateScorer.PossibleThreshold, match.Score);
        Assert.Equal(["phone"], match.MatchedFields);
    }

    [Fact]
    public void Two_people_sharing_a_family_mailbox_and_phone_are_possible_not_probable_duplicates()
    {
        var match = DuplicateScorer.Score(
            PartyProfile.Of("Luca Bianchi", "family@example.org", "+390612345678", null),
            PartyProfile.Of("Giulia Rossi", "FAMILY@example.org", "+390612345678", null));

        Assert.True(match.IsPossible, $"score {match.Score}");
        Assert.False(match.IsProbable, $"score {match.Score}");
        Assert.Equal(["email", "phone"], match.MatchedFields);
    }

    [Fact]
    public void Company_names_match_regardless_of_legal_suffix_and_word_order()
    {
        Assert.Equal(1, NameKeys.Similarity(NameKeys.Of("Acme, Inc."), NameKeys.Of("ACME")));
        Assert.Equal(1, NameKeys.Similarity(NameKeys.Of("Smith, John"), NameKeys.Of("John Smith")));
    }

    [Theory]
    [InlineData("jon", "john", 0.933)]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("abc", "xyz", 0)]
    public void Jaro_Winkler_matches_the_published_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);
    }
}
