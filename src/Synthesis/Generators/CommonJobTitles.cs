using Bogus;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Job titles as staff and contact tables hold them. Bogus builds titles from three random parts ("Dynamic Interactions
/// Liaison", "District Data Orchestrator"), which no DBA has met on a business card; this draws common titles of
/// offices, sales and operations instead (a public list, nothing learned from a source), in English; other locales
/// keep Bogus' own.
/// </summary>
internal static class CommonJobTitles
{
    private static readonly string[] Titles =
    [
        "Sales Manager", "Sales Representative", "Account Manager", "Sales Associate", "Sales Director", "Regional Sales Manager",
        "Marketing Manager", "Marketing Coordinator", "Marketing Director", "Product Manager", "Project Manager", "Program Manager",
        "Operations Manager", "Operations Director", "Office Manager", "Administrative Assistant", "Executive Assistant",
        "Purchasing Agent", "Buyer", "Procurement Manager", "Logistics Coordinator", "Warehouse Supervisor", "Shipping Clerk",
        "Customer Service Representative", "Customer Success Manager", "Support Specialist", "Accountant", "Financial Analyst",
        "Finance Director", "Controller", "Payroll Specialist", "HR Manager", "Recruiter", "IT Manager", "Systems Administrator",
        "Software Engineer", "Business Analyst", "Data Analyst", "General Manager", "Managing Director", "Owner",
        "Chief Executive Officer", "Chief Financial Officer", "Vice President", "Consultant", "Store Manager",
    ];

    /// <summary>A common job title, or Bogus' own in a locale other than English.</summary>
    public static string Next(Faker faker)
    {
        ArgumentNullException.ThrowIfNull(faker);
        return faker.Locale.StartsWith("en", StringComparison.Ordinal) ? Titles[faker.Random.Int(0, Titles.Length - 1)] : faker.Name.JobTitle();
    }
}
