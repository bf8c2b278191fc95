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

    /// <summary>Titles of the one at the top of an organisation: whom everyone else reports to, and who reports to no one.</summary>
    private static readonly string[] HeadTitles = ["Chief Executive Officer", "General Manager", "Managing Director", "President", "Owner"];

    /// <summary>Whether <paramref name="title"/> is one of a head of an organisation ("General Manager", "CEO", "President"; not "Vice President").</summary>
    public static bool IsHead(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        return Array.Exists(HeadTitles, h => string.Equals(h, trimmed, StringComparison.OrdinalIgnoreCase))
            || trimmed.Equals("CEO", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("President", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A head's title <paramref name="accept"/> takes (drawn, then the first it takes), or null.</summary>
    public static string? Head(Sampling.Xoshiro256 random, Func<string, bool> accept) => Pick(HeadTitles, random, accept);

    /// <summary>A title of someone who reports to someone (no head's) that <paramref name="accept"/> takes, or null.</summary>
    public static string? Staff(Sampling.Xoshiro256 random, Func<string, bool> accept) => Pick(StaffTitles, random, accept);

    private static readonly string[] StaffTitles = Array.FindAll(Titles, static t => !IsHead(t));

    private static string? Pick(string[] titles, Sampling.Xoshiro256 random, Func<string, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(accept);
        var drawn = titles[random.NextInt(titles.Length)];
        return accept(drawn) ? drawn : Array.Find(titles, t => accept(t));
    }

    /// <summary>A common job title, or Bogus' own in a locale other than English.</summary>
    public static string Next(Faker faker)
    {
        ArgumentNullException.ThrowIfNull(faker);
        return faker.Locale.StartsWith("en", StringComparison.Ordinal) ? Titles[faker.Random.Int(0, Titles.Length - 1)] : faker.Name.JobTitle();
    }
}
