using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProviderBrandingAndAccountEventIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProviderBranding",
                columns: table => new
                {
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    Logo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RevisionDate = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderBranding", x => x.ProviderId);
                    table.ForeignKey(
                        name: "FK_ProviderBranding_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ActingUserId_Date",
                table: "Events",
                columns: new[] { "ActingUserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_UserId_Date",
                table: "Events",
                columns: new[] { "UserId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderBranding");

            migrationBuilder.DropIndex(
                name: "IX_Events_ActingUserId_Date",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_UserId_Date",
                table: "Events");
        }
    }
}
