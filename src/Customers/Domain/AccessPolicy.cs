using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers.Domain;

/// <summary>Which records a caller may read in their tenant: all of them, or only their own and their teams'.</summary>
public sealed record ReadScope(bool All, string UserId, IReadOnlyList<string> Teams);

/// <summary>
/// Record access within the caller's tenant (other tenants' records are never visible at all):
/// admin reads and writes everything; sales_manager reads and writes their teams' records (and their own) and may
/// assign them to anyone; sales_rep reads and writes their own and their teams' records but owns what they create;
/// service_agent, analyst and marketer read everything and write nothing, except that service agents record
/// interactions with any customer (they run the interaction centre). Interactions follow their account: whoever may
/// change the account may record and change them; besides, the one who recorded an interaction and the owner of its
/// follow-up may read it and, with a role that records interactions, change it. Tenant settings (contact policy,
/// value-tier rules) are read by every role and changed by admins.
/// </summary>
public static class AccessPolicy
{
    private static readonly string[] ReadAll = [Roles.Admin, Roles.ServiceAgent, Roles.Analyst, Roles.Marketer];
    private static readonly string[] InteractionRecorders = [Roles.Admin, Roles.SalesManager, Roles.SalesRep, Roles.ServiceAgent];

    public static ReadScope ReadScopeOf(Caller caller)
    {
        if (ReadAll.Any(caller.IsInRole))
        {
            return new ReadScope(true, caller.UserId, []);
        }

        if (caller.IsInRole(Roles.SalesManager) || caller.IsInRole(Roles.SalesRep))
        {
            return new ReadScope(false, caller.UserId, caller.Teams.ToList());
        }

        throw new AccessDeniedException("Reading customers needs one of the roles admin, sales_manager, sales_rep, service_agent, analyst, marketer.");
    }

    /// <summary>PERMISSION_DENIED for a caller with no role that reads customers.</summary>
    public static void EnsureCanReadCustomers(Caller caller) => ReadScopeOf(caller);

    public static bool CanRead(Caller caller, Ownership record)
    {
        var scope = ReadScopeOf(caller);
        return scope.All || IsOwnOrTeam(caller, record);
    }

    public static void EnsureCanRead(Caller caller, Ownership record, string resourceName)
    {
        if (!CanRead(caller, record))
        {
            throw new AccessDeniedException($"{resourceName} belongs to another user and team; {caller.UserId} may not read it.");
        }
    }

    public static void EnsureCanCreate(Caller caller, Ownership created, string resourceType)
    {
        EnsureCanWrite(caller, created, $"a new {resourceType}");
        if (!caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.SalesManager) && created.OwnerUserId != caller.UserId)
        {
            throw new AccessDeniedException("A sales_rep creates records they own themselves.");
        }
    }

    public static void EnsureCanUpdate(Caller caller, Ownership before, Ownership after, string resourceName)
    {
        EnsureCanWrite(caller, before, resourceName);
        EnsureCanWrite(caller, after, resourceName);
        if (!caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.SalesManager)
            && after.OwnerUserId != before.OwnerUserId && after.OwnerUserId != caller.UserId)
        {
            throw new AccessDeniedException("A sales_rep may not hand a record to another owner.");
        }
    }

    public static void EnsureCanWrite(Caller caller, Ownership record, string resourceName)
    {
        if (caller.IsInRole(Roles.Admin))
        {
            return;
        }

        if (!caller.IsInRole(Roles.SalesManager) && !caller.IsInRole(Roles.SalesRep))
        {
            throw new AccessDeniedException("Changing customers needs one of the roles admin, sales_manager, sales_rep.");
        }

        if (!IsOwnOrTeam(caller, record))
        {
            throw new AccessDeniedException(
                $"{resourceName} would belong to owner '{record.OwnerUserId}' and team '{record.Team}', outside {caller.UserId}'s records and teams.");
        }
    }

    public static void EnsureCanRecordInteraction(Caller caller, Ownership account, string resourceName)
    {
        if (!caller.IsInRole(Roles.ServiceAgent))
        {
            EnsureCanWrite(caller, account, resourceName);
        }
    }

    public static bool CanReadInteraction(Caller caller, Ownership account, string recordedBy, string? followUpOwner) =>
        CanRead(caller, account) || caller.UserId == recordedBy || caller.UserId == followUpOwner;

    public static void EnsureCanReadInteraction(Caller caller, Ownership account, string recordedBy, string? followUpOwner, string resourceName)
    {
        if (!CanReadInteraction(caller, account, recordedBy, followUpOwner))
        {
            throw new AccessDeniedException($"{resourceName} is on an account of another user and team; {caller.UserId} may not read it.");
        }
    }

    public static void EnsureCanChangeInteraction(Caller caller, Ownership account, string recordedBy, string? followUpOwner, string resourceName)
    {
        var own = caller.UserId == recordedBy || caller.UserId == followUpOwner;
        if (own && InteractionRecorders.Any(caller.IsInRole))
        {
            return;
        }

        EnsureCanReadInteraction(caller, account, recordedBy, followUpOwner, resourceName);
        EnsureCanRecordInteraction(caller, account, resourceName);
    }

    /// <summary>Another user's follow-ups are listed to admins and sales managers only.</summary>
    public static void EnsureCanListFollowUpsOf(Caller caller, string ownerUserId)
    {
        EnsureCanReadCustomers(caller);
        if (ownerUserId != caller.UserId && !caller.IsInRole(Roles.Admin) && !caller.IsInRole(Roles.SalesManager))
        {
            throw new AccessDeniedException("Another user's follow-ups are listed to admin and sales_manager only.");
        }
    }

    public static void EnsureCanChangeTenantSettings(Caller caller, string what)
    {
        if (!caller.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException($"Changing the {what} needs the role admin.");
        }
    }

    /// <summary>The ownership of a new record: the requested values, else the caller and their only team.</summary>
    public static Ownership DefaultOwnership(Caller caller, string? ownerUserId, string? team) =>
        new(ownerUserId ?? caller.UserId, team ?? (caller.Teams.Count == 1 ? caller.Teams.Single() : ""));

    private static bool IsOwnOrTeam(Caller caller, Ownership record) =>
        record.OwnerUserId == caller.UserId || (record.Team.Length > 0 && caller.Teams.Contains(record.Team));
}
