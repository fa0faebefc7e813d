using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmergencyAccessAndAuthRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuthRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<byte>(type: "smallint", nullable: false),
                    RequestDeviceIdentifier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RequestDeviceType = table.Column<int>(type: "integer", nullable: false),
                    RequestIpAddress = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ResponseDeviceId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccessCode = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MasterPasswordHash = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResponseDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthenticationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthRequests_Devices_ResponseDeviceId",
                        column: x => x.ResponseDeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AuthRequests_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAccess",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantorId = table.Column<Guid>(type: "uuid", nullable: false),
                    GranteeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    KeyEncrypted = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Type = table.Column<byte>(type: "smallint", nullable: false),
                    Status = table.Column<byte>(type: "smallint", nullable: false),
                    WaitTimeDays = table.Column<short>(type: "smallint", nullable: false),
                    RecoveryInitiatedDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastNotificationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAccess", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAccess_Users_GranteeId",
                        column: x => x.GranteeId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmergencyAccess_Users_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthRequests_ResponseDeviceId",
                table: "AuthRequests",
                column: "ResponseDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthRequests_UserId_CreationDate",
                table: "AuthRequests",
                columns: new[] { "UserId", "CreationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccess_GranteeId",
                table: "EmergencyAccess",
                column: "GranteeId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccess_GrantorId",
                table: "EmergencyAccess",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccess_Status_RecoveryInitiatedDate",
                table: "EmergencyAccess",
                columns: new[] { "Status", "RecoveryInitiatedDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthRequests");

            migrationBuilder.DropTable(
                name: "EmergencyAccess");
        }
    }
}
