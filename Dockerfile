# One image, one container: the app, with its SQLite database and uploads under the /data volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Workspace.Domain/Workspace.Domain.csproj src/Workspace.Domain/
COPY src/Workspace.Web/Workspace.Web.csproj src/Workspace.Web/
RUN dotnet restore src/Workspace.Web/Workspace.Web.csproj
COPY src/ src/
RUN dotnet publish src/Workspace.Web/Workspace.Web.csproj -c Release -o /app --no-restore

# The full runtime image, ICU included: people's time zones and dates are shown in their own culture.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
LABEL org.opencontainers.image.title="Workspace" \
      org.opencontainers.image.description="Self-hosted team chat: one container, SQLite under /data (or PostgreSQL)" \
      org.opencontainers.image.documentation="docs/self-hosting.md"
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
# DOTNET_GCgen0size (hex bytes): 256 MB of new objects before a collection, instead of the runtime's few MB. Each
# collection walks the old generation's changed cards, which with a thousand open pages took ~100 ms whatever the
# young generation held: a third of the core went to collections (docs/benchmarks.md, fan-out). The runtime reads
# it from the environment only, at start.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Workspace="Data Source=/data/workspace.db" \
    Storage__Path=/data/files \
    DOTNET_GCgen0size=0x10000000
VOLUME /data
EXPOSE 8080
USER $APP_UID
# Liveness only; an orchestrator routing traffic should ask GET /readyz as well (docs/self-hosting.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["dotnet", "Workspace.Web.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "Workspace.Web.dll"]
