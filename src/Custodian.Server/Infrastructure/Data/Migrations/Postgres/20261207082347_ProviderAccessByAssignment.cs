using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProviderAccessByAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AccessRequestsNeedApproval",
                table: "Providers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxAccessGrantMinutes",
                table: "Providers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ProviderAccessNeedsApproval",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProviderAccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AwaitsProvider = table.Column<bool>(type: "boolean", nullable: false),
                    AwaitsClient = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderAccessGrants_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderAccessGrants_ProviderUsers_ProviderUserId",
                        column: x => x.ProviderUserId,
                        principalTable: "ProviderUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderAssignments_ProviderOrganizations_ProviderOrganizat~",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "ProviderOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderAssignments_ProviderUsers_ProviderUserId",
                        column: x => x.ProviderUserId,
                        principalTable: "ProviderUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderClientSettings",
                columns: table => new
                {
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestsNeedApproval = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderClientSettings", x => x.ProviderOrganizationId);
                    table.ForeignKey(
                        name: "FK_ProviderClientSettings_ProviderOrganizations_ProviderOrgani~",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "ProviderOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderTeams_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderTeamClients",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderTeamClients", x => new { x.TeamId, x.ProviderOrganizationId });
                    table.ForeignKey(
                        name: "FK_ProviderTeamClients_ProviderOrganizations_ProviderOrganizat~",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "ProviderOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderTeamClients_ProviderTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "ProviderTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderTeamUsers",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderTeamUsers", x => new { x.TeamId, x.ProviderUserId });
                    table.ForeignKey(
                        name: "FK_ProviderTeamUsers_ProviderTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "ProviderTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderTeamUsers_ProviderUsers_ProviderUserId",
                        column: x => x.ProviderUserId,
                        principalTable: "ProviderUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAccessGrants_OrganizationId_CreationDate",
                table: "ProviderAccessGrants",
                columns: new[] { "OrganizationId", "CreationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAccessGrants_ProviderId_Status",
                table: "ProviderAccessGrants",
                columns: new[] { "ProviderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAccessGrants_ProviderUserId_Status",
                table: "ProviderAccessGrants",
                columns: new[] { "ProviderUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAccessGrants_Status_ExpiresAt",
                table: "ProviderAccessGrants",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAssignments_ProviderOrganizationId",
                table: "ProviderAssignments",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAssignments_ProviderUserId_ProviderOrganizationId",
                table: "ProviderAssignments",
                columns: new[] { "ProviderUserId", "ProviderOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderTeamClients_ProviderOrganizationId",
                table: "ProviderTeamClients",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderTeamUsers_ProviderUserId",
                table: "ProviderTeamUsers",
                column: "ProviderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderTeams_ProviderId",
                table: "ProviderTeams",
                column: "ProviderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderAccessGrants");

            migrationBuilder.DropTable(
                name: "ProviderAssignments");

            migrationBuilder.DropTable(
                name: "ProviderClientSettings");

            migrationBuilder.DropTable(
                name: "ProviderTeamClients");

            migrationBuilder.DropTable(
                name: "ProviderTeamUsers");

            migrationBuilder.DropTable(
                name: "ProviderTeams");

            migrationBuilder.DropColumn(
                name: "AccessRequestsNeedApproval",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "MaxAccessGrantMinutes",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ProviderAccessNeedsApproval",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Events");
        }
    }
}
