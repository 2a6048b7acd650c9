namespace Workspace.Web.Components.Profiles;

/// <summary>The "Clear after" choices, turned into a moment in the person's own time zone.</summary>
public static class StatusChoices
{
    public const string Never = "never";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Never, "Never"), ("30m", "30 minutes"), ("1h", "1 hour"), ("today", "Today"), ("week", "This week"),
    ];

    /// <summary>Null for never; "today" ends at the next local midnight, "this week" when the next Monday starts.</summary>
    public static DateTimeOffset? ExpiresAt(string choice, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return choice switch
        {
            "30m" => now.AddMinutes(30),
            "1h" => now.AddHours(1),
            "today" => StartOfLocalDay(local.Date.AddDays(1), zone),
            "week" => StartOfLocalDay(local.Date.AddDays(DaysToNextMonday(local.DayOfWeek)), zone),
            _ => null,
        };
    }

    private static int DaysToNextMonday(DayOfWeek today) => today == DayOfWeek.Sunday ? 1 : 8 - (int)today;

    private static DateTimeOffset StartOfLocalDay(DateTime date, TimeZoneInfo zone)
    {
        // A day can start inside a daylight-saving gap; the first valid minute after it is when it starts there.
        while (zone.IsInvalidTime(date))
            date = date.AddMinutes(1);
        return new DateTimeOffset(date, zone.GetUtcOffset(date));
    }
}
