using Microsoft.OpenApi;

namespace Workspace.Web.Api;

/// <summary>
/// The API described as OpenAPI at <c>/openapi/v1.json</c>, generated from the endpoints themselves, and a page
/// that renders it for people at <c>/api/docs</c> (assets served from the app; nothing is fetched from elsewhere).
/// </summary>
public static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Workspace API",
                    Version = "v1",
                    Description = "Send `Authorization: Bearer {token}` with a personal access token from your profile page. " +
                        "Errors are RFC 9457 problem details whose `detail` says what went wrong.",
                };
                return Task.CompletedTask;
            });
        });

    public static IApplicationBuilder UseApiDocsPage(this IApplicationBuilder app) =>
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "Workspace API v1");
            ui.RoutePrefix = "api/docs";
            ui.DocumentTitle = "Workspace API";
        });
}
