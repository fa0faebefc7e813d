using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountRecoveryAndApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ForcePasswordReset",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ApiKey",
                table: "Providers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScimApiKey",
                table: "Organizations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ForcePasswordReset",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ApiKey",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ScimApiKey",
                table: "Organizations");
        }
    }
}
