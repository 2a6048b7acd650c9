using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Threads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_ChannelId_Seq",
                table: "messages");

            migrationBuilder.AddColumn<long>(
                name: "LastReplyAt",
                table: "messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastReplySeq",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ReplyCount",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReplySeq",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "ThreadOnly",
                table: "messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ThreadRootId",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "thread_follows",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsFollowing = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReadReplySeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thread_follows", x => new { x.UserId, x.RootId });
                    table.ForeignKey(
                        name: "FK_thread_follows_messages_RootId",
                        column: x => x.RootId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_thread_follows_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_messages_ChannelId_Seq_ReplySeq",
                table: "messages",
                columns: new[] { "ChannelId", "Seq", "ReplySeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_ThreadRootId_ReplySeq",
                table: "messages",
                columns: new[] { "ThreadRootId", "ReplySeq" });

            migrationBuilder.CreateIndex(
                name: "IX_thread_follows_RootId",
                table: "thread_follows",
                column: "RootId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "thread_follows");

            migrationBuilder.DropIndex(
                name: "IX_messages_ChannelId_Seq_ReplySeq",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_ThreadRootId_ReplySeq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "LastReplyAt",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "LastReplySeq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ReplyCount",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ReplySeq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ThreadOnly",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ThreadRootId",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_ChannelId_Seq",
                table: "messages",
                columns: new[] { "ChannelId", "Seq" },
                unique: true);
        }
    }
}
