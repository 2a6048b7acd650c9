using System.Globalization;
using System.Security.Claims;
using Workspace.Domain.Members;

namespace Workspace.Web.Components.Shared;

/// <summary>The signed-in person looking at the page, and the time zone their browser reported.</summary>
public sealed record Viewer(MemberView Member, TimeZoneInfo TimeZone)
{
    public Guid Id => Member.Id;

    public DateTimeOffset LocalTime(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, TimeZone);

    /// <summary>The person's chosen zone when they have one, else the browser's.</summary>
    public TimeZoneInfo ZoneOr(string? chosen) =>
        chosen is not null && TimeZoneInfo.TryFindSystemTimeZoneById(chosen, out var zone) ? zone : TimeZone;

    public static Guid? IdFrom(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static TimeZoneInfo ZoneFrom(string? ianaName)
    {
        if (!string.IsNullOrWhiteSpace(ianaName) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaName, out var zone))
            return zone;
        return TimeZoneInfo.Utc;
    }
}
