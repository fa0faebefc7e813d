using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ApiKey",
                table: "Providers",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApiKey",
                table: "Organizations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.AddColumn<string>(
                name: "ScimApiKey",
                table: "Organizations",
                type: "character varying(500)",
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

            migrationBuilder.AlterColumn<string>(
                name: "ApiKey",
                table: "Organizations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);
        }
    }
}
