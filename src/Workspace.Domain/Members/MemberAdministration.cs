namespace Workspace.Domain.Members;

internal static class MemberAdministration
{
    public const string NoSuchPerson = "There is no such person in this workspace.";
}
