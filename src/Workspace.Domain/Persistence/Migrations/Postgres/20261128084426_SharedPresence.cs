using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Domain.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Who is online on which node (see SharedPresence). Not part of the model: only nodes on PostgreSQL share it, through
    /// plain SQL. Unlogged: it is rebuilt within a heartbeat, so it need not survive a database crash or cost WAL.
    /// </summary>
    public partial class SharedPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE presence (
                    node_id uuid NOT NULL,
                    user_id uuid NOT NULL,
                    seen_at timestamp with time zone NOT NULL,
                    PRIMARY KEY (node_id, user_id));
                CREATE INDEX ix_presence_user_id ON presence (user_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE presence;");
        }
    }
}
