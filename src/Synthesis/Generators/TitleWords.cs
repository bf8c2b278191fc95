namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Common English words of content that names of things are made of (songs, albums, books, projects): a public list,
/// nothing learned from a source. A column with few words of its own stands in for its rare words with these as well, so
/// that 347 album titles whose only common words are "The", "Of", "Best", "Hits" and "I" do not give "Hits I" and
/// "Season The" but "Golden Hits" and "The River".
/// </summary>
internal static class TitleWords
{
    private static readonly string[] Words =
    [
        "Sun", "Sky", "Sea", "Day", "Red", "Joy", "War", "Way", "Eye", "Ice", "Air", "Fly", "Run", "Gold", "Rain", "Fire", "Road",
        "Moon", "Star", "Stars", "Love", "Soul", "Home", "Time", "Life", "Wind", "Blue", "Dark", "Wild", "Free", "Rose", "Snow",
        "Rock", "Dust", "Wave", "Tide", "Song", "Night", "Light", "Heart", "River", "Dream", "Dreams", "Stone", "Storm", "Ocean",
        "Angel", "Black", "White", "Green", "Silver", "Golden", "Shadow", "Shadows", "Heaven", "Highway", "City", "Town", "Street",
        "Summer", "Winter", "Spring", "Autumn", "Morning", "Evening", "Midnight", "Tomorrow", "Forever", "Secret", "Secrets",
        "Memory", "Memories", "Journey", "Echoes", "Horizon", "Island", "Mountain", "Valley", "Garden", "Roses", "Water", "Smoke",
        "Glass", "Iron", "Steel", "Electric", "Radio", "Kingdom", "King", "Queen", "Empire", "Freedom", "Glory", "Legend",
        "Legends", "Story", "Stories", "Tales", "Songs", "Ballads", "Anthem", "Sessions", "Classics", "Portrait", "Visions",
        "Colors", "Nights", "Days", "Years", "Roads", "Rivers", "Lights", "Bridge", "Harbor", "Station", "Avenue", "Sunset",
        "Sunrise", "Dawn", "Lonely", "Sweet", "Crazy", "Broken", "Burning", "Falling", "Rising", "Running", "Dancing", "Shining",
        "Lost", "Hidden", "Silent", "Brave", "Young", "Great", "Little", "Last", "First", "Eternal", "Endless", "Perfect",
        "Northern", "Southern", "Crimson", "Scarlet", "Velvet", "Diamond", "Crystal", "Mirror", "Window", "Circle", "Flame",
        "Thunder", "Paradise", "Yesterday", "Beautiful", "Chronicles", "Reflections", "Revolution", "Anthology", "Collection",
        "Essentials", "Wonderland", "Adventure", "Celebration", "Starlight", "Moonlight", "Heartbeat", "Wilderness", "Universe",
    ];

    /// <summary>The words of each length class of <see cref="WordModel.ClassOf"/> (s: 1-3 letters, m: 4-8, l: 9 and more).</summary>
    private static readonly Dictionary<char, string[]> BySize = Words.GroupBy(static w => w.Length <= 3 ? 's' : w.Length <= 8 ? 'm' : 'l')
        .ToDictionary(static g => g.Key, static g => g.ToArray());

    /// <summary>Whether the list serves a column generated in <paramref name="locale"/>: it is English.</summary>
    public static bool Serves(string? locale) => locale is not null && locale.StartsWith("en", StringComparison.Ordinal);

    /// <summary>A word of length class <paramref name="size"/> (any length for another size), capitalised.</summary>
    public static string Next(char size, Sampling.Xoshiro256 random)
    {
        var pool = BySize.GetValueOrDefault(size) ?? Words;
        return pool[random.NextInt(pool.Length)];
    }
}
