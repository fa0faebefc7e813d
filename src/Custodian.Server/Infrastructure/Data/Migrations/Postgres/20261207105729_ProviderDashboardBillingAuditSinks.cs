using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProviderDashboardBillingAuditSinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientBillingReferences",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientBillingReferences", x => x.OrganizationId);
                });

            migrationBuilder.CreateTable(
                name: "ClientSeatUsage",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedSeats = table.Column<int>(type: "integer", nullable: true),
                    OccupiedSeats = table.Column<int>(type: "integer", nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSeatUsage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventSinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Target = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Transport = table.Column<int>(type: "integer", nullable: false),
                    Secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastDeliveryDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSinks_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatUsageRuns",
                columns: table => new
                {
                    Day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatUsageRuns", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "EventDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventDeliveries_EventSinks_SinkId",
                        column: x => x.SinkId,
                        principalTable: "EventSinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientBillingReferences_ProviderId",
                table: "ClientBillingReferences",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientSeatUsage_OrganizationId_Day",
                table: "ClientSeatUsage",
                columns: new[] { "OrganizationId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientSeatUsage_ProviderId_Day",
                table: "ClientSeatUsage",
                columns: new[] { "ProviderId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_ClaimId",
                table: "EventDeliveries",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_NextAttemptDate_SinkId",
                table: "EventDeliveries",
                columns: new[] { "NextAttemptDate", "SinkId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_SinkId",
                table: "EventDeliveries",
                column: "SinkId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSinks_ProviderId",
                table: "EventSinks",
                column: "ProviderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientBillingReferences");

            migrationBuilder.DropTable(
                name: "ClientSeatUsage");

            migrationBuilder.DropTable(
                name: "EventDeliveries");

            migrationBuilder.DropTable(
                name: "SeatUsageRuns");

            migrationBuilder.DropTable(
                name: "EventSinks");
        }
    }
}
