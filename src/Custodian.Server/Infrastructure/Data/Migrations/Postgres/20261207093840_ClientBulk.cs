using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Custodian.Server.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientBulk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProviderBulkJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Parameters = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderBulkJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderBulkJobs_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderClientTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderClientTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderClientTags_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderClientTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Body = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreationDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisionDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderClientTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderClientTemplates_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderBulkJobItems",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderBulkJobItems", x => new { x.JobId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ProviderBulkJobItems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderBulkJobItems_ProviderBulkJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ProviderBulkJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderClientTagLinks",
                columns: table => new
                {
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderClientTagLinks", x => new { x.TagId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ProviderClientTagLinks_ProviderClientTags_TagId",
                        column: x => x.TagId,
                        principalTable: "ProviderClientTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderClientTagLinks_ProviderOrganizations_ProviderOrgani~",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "ProviderOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderClientTemplateLinks",
                columns: table => new
                {
                    ProviderOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppliedDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderClientTemplateLinks", x => x.ProviderOrganizationId);
                    table.ForeignKey(
                        name: "FK_ProviderClientTemplateLinks_ProviderClientTemplates_Templat~",
                        column: x => x.TemplateId,
                        principalTable: "ProviderClientTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderClientTemplateLinks_ProviderOrganizations_ProviderO~",
                        column: x => x.ProviderOrganizationId,
                        principalTable: "ProviderOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderBulkJobItems_ClaimToken",
                table: "ProviderBulkJobItems",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderBulkJobItems_JobId_Status",
                table: "ProviderBulkJobItems",
                columns: new[] { "JobId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderBulkJobItems_OrganizationId",
                table: "ProviderBulkJobItems",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderBulkJobs_ProviderId_CreationDate",
                table: "ProviderBulkJobs",
                columns: new[] { "ProviderId", "CreationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderClientTagLinks_ProviderOrganizationId",
                table: "ProviderClientTagLinks",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderClientTags_ProviderId_Name",
                table: "ProviderClientTags",
                columns: new[] { "ProviderId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderClientTemplateLinks_TemplateId",
                table: "ProviderClientTemplateLinks",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderClientTemplates_ProviderId_Name",
                table: "ProviderClientTemplates",
                columns: new[] { "ProviderId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderBulkJobItems");

            migrationBuilder.DropTable(
                name: "ProviderClientTagLinks");

            migrationBuilder.DropTable(
                name: "ProviderClientTemplateLinks");

            migrationBuilder.DropTable(
                name: "ProviderBulkJobs");

            migrationBuilder.DropTable(
                name: "ProviderClientTags");

            migrationBuilder.DropTable(
                name: "ProviderClientTemplates");
        }
    }
}
