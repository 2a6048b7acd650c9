namespace Workspace.Domain.Members;

internal static class MemberAdministration
{
    public const string NoSuchPerson = "There is no such person in this workspace.";

    public static string Describe(User person) => $"{person.DisplayName} (@{person.Handle})";
}
