using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Names of products as shops list them, by kind of shop (a public list, in English, nothing learned from a source).
/// Bogus puts an adjective, a material and a product together at random ("Refined Steel Pizza", "Ergonomic Frozen
/// Soap"), which a tester laughs at. A column whose names are all rare (each product once) is written from these, in the
/// kinds its own words point to: a grocer's names mention tea, cheese and sauce, so the clone lists "Organic Green Tea",
/// not a keyboard. The kinds are told by the words of the column counted over all its values, kept only where at least
/// k words point to a kind, so no one name shows through.
/// </summary>
internal static class CommonProducts
{
    /// <summary>One kind of shop: its products, words that may go before one, and words that tell a name of that kind.</summary>
    private sealed record Kind(string[] Products, string[] Qualifiers, string[] Signs);

    private static readonly Kind[] Kinds =
    [
        new(
            ["Green Tea", "Black Tea", "Espresso Coffee", "Apple Juice", "Orange Marmalade", "Maple Syrup", "Olive Oil", "Balsamic Vinegar",
                "Tomato Sauce", "Hot Sauce", "Mustard", "Honey", "Strawberry Jam", "Peanut Butter", "Dark Chocolate", "Milk Chocolate",
                "Butter Cookies", "Oat Biscuits", "Cheddar Cheese", "Goat Cheese", "Mozzarella", "Greek Yogurt", "Basmati Rice",
                "Whole Wheat Pasta", "Egg Noodles", "Rye Bread", "Smoked Salmon", "Tuna Fillets", "Pickled Herring", "Shrimp",
                "Crab Meat", "Beef Jerky", "Chicken Breast", "Pork Sausages", "Dried Apricots", "Mixed Nuts", "Lager Beer",
                "Red Wine", "Sparkling Water", "Ginger Ale", "Curry Paste", "Corn Flakes"],
            ["Organic", "Premium", "Classic", "Homestyle", "Traditional", "Gourmet", "Imported", "Farmhouse", "Country", "Spiced"],
            ["tea", "coffee", "juice", "sauce", "syrup", "oil", "vinegar", "honey", "jam", "marmalade", "chocolate", "cookies",
                "biscuits", "cheese", "yogurt", "rice", "pasta", "noodles", "bread", "salmon", "tuna", "herring", "shrimp", "crab", "meat",
                "beef", "chicken", "pork", "sausages", "sausage", "nuts", "beer", "lager", "ale", "wine", "water", "spice", "spices",
                "seasoning", "soup", "candy", "cake", "pie", "fruit", "apple", "orange", "lemon", "sugar", "flour", "butter", "milk",
                "cream", "fish", "caviar", "pepper", "salt", "mustard", "ketchup", "dried", "smoked", "pickled", "organic", "gnocchi",
                "ravioli", "lasagne", "tofu", "crab", "lobster", "oysters", "mussels", "cider", "liqueur", "vodka", "whisky", "gin"]),
        new(
            ["Wireless Mouse", "Mechanical Keyboard", "USB-C Cable", "Bluetooth Speaker", "Noise-Cancelling Headphones", "Portable Charger",
                "HD Webcam", "27-inch Monitor", "Laptop Stand", "Smart Watch", "Wi-Fi Router", "External Hard Drive", "Memory Card",
                "Phone Case", "Tablet", "Power Strip", "HDMI Cable", "Wireless Earbuds", "Gaming Controller", "Digital Camera"],
            ["Compact", "Pro", "Ultra", "Slim", "Deluxe", "Basic", "Premium", "Travel"],
            ["mouse", "keyboard", "cable", "usb", "speaker", "headphones", "charger", "webcam", "monitor", "laptop", "watch", "router",
                "drive", "card", "phone", "tablet", "hdmi", "earbuds", "controller", "camera", "adapter", "battery", "wireless", "bluetooth",
                "printer", "scanner", "tv", "display", "ssd", "gb", "tb", "hd", "4k", "smart", "digital", "computer", "pc"]),
        new(
            ["Ballpoint Pens", "Spiral Notebook", "Sticky Notes", "Stapler", "Paper Clips", "Copy Paper", "File Folders", "Desk Organizer",
                "Whiteboard Markers", "Highlighters", "Envelopes", "Ring Binder", "Scissors", "Tape Dispenser", "Label Maker", "Calculator",
                "Desk Calendar", "Mouse Pad", "Pencil Set", "Clipboard"],
            ["Recycled", "Heavy-Duty", "Classic", "Executive", "Everyday", "Premium"],
            ["pen", "pens", "pencil", "pencils", "notebook", "notes", "stapler", "staples", "clips", "paper", "folders", "folder",
                "organizer", "markers", "marker", "highlighters", "envelopes", "binder", "scissors", "tape", "label", "labels",
                "calculator", "calendar", "pad", "clipboard", "ink", "toner", "desk", "office"]),
        new(
            ["Cotton T-Shirt", "Denim Jeans", "Wool Sweater", "Rain Jacket", "Running Shoes", "Leather Belt", "Baseball Cap",
                "Hooded Sweatshirt", "Dress Shirt", "Chino Pants", "Winter Gloves", "Ankle Socks", "Silk Scarf", "Leather Wallet",
                "Canvas Backpack", "Summer Dress", "Polo Shirt", "Hiking Boots", "Swim Shorts", "Knit Beanie"],
            ["Classic", "Slim Fit", "Relaxed", "Vintage", "Everyday", "Lightweight"],
            ["shirt", "t-shirt", "jeans", "sweater", "jacket", "shoes", "belt", "cap", "hat", "sweatshirt", "hoodie", "pants",
                "trousers", "gloves", "socks", "scarf", "wallet", "backpack", "bag", "dress", "skirt", "boots", "shorts", "beanie",
                "coat", "cotton", "denim", "wool", "leather", "silk", "linen", "sneakers", "sandals"]),
        new(
            ["Ceramic Mug", "Cast Iron Skillet", "Chef's Knife", "Cutting Board", "Bath Towel", "Bed Sheets", "Throw Pillow",
                "Scented Candle", "Picture Frame", "Table Lamp", "Storage Basket", "Garden Hose", "Flower Pot", "Kitchen Scale",
                "Coffee Maker", "Dinner Plates", "Wine Glasses", "Doormat", "Wall Clock", "Curtains"],
            ["Classic", "Modern", "Rustic", "Deluxe", "Everyday", "Handmade"],
            ["mug", "skillet", "pan", "pot", "knife", "board", "towel", "sheets", "pillow", "candle", "frame", "lamp", "basket",
                "hose", "scale", "maker", "plates", "glasses", "doormat", "clock", "curtains", "chair", "table", "sofa", "rug", "vase",
                "bowl", "kitchen", "garden", "bath", "bed"]),
        new(
            ["Yoga Mat", "Dumbbell Set", "Tennis Racket", "Soccer Ball", "Basketball", "Jump Rope", "Water Bottle", "Camping Tent",
                "Sleeping Bag", "Bicycle Helmet", "Jigsaw Puzzle", "Board Game", "Building Blocks", "Plush Bear", "Kite", "Fishing Rod"],
            ["Pro", "Junior", "Classic", "Outdoor", "Family", "Deluxe"],
            ["yoga", "mat", "dumbbell", "racket", "ball", "basketball", "rope", "bottle", "tent", "sleeping", "helmet", "bicycle", "bike",
                "puzzle", "game", "blocks", "toy", "toys", "plush", "doll", "kite", "fishing", "rod", "golf", "ski", "skates"]),
        new(
            ["Hand Cream", "Shampoo", "Conditioner", "Body Lotion", "Lip Balm", "Sunscreen", "Toothpaste", "Face Wash", "Shaving Gel",
                "Vitamin C Tablets", "Bar Soap", "Hair Brush", "Deodorant", "Bath Salts"],
            ["Natural", "Gentle", "Fresh", "Sensitive", "Herbal", "Daily"],
            ["cream", "shampoo", "conditioner", "lotion", "balm", "sunscreen", "toothpaste", "wash", "gel", "vitamin", "tablets", "soap",
                "brush", "deodorant", "salts", "perfume", "serum", "mask", "makeup", "lipstick"]),
        new(
            ["Cordless Drill", "Screwdriver Set", "Claw Hammer", "Tape Measure", "Adjustable Wrench", "Socket Set", "Utility Knife",
                "Spirit Level", "Work Gloves", "Extension Cord", "Wood Glue", "Sandpaper Pack", "Paint Brush", "Step Ladder"],
            ["Heavy-Duty", "Professional", "Compact", "Classic", "Precision"],
            ["drill", "screwdriver", "hammer", "measure", "wrench", "socket", "level", "cord", "glue", "sandpaper", "paint", "ladder",
                "saw", "pliers", "bolts", "screws", "nails", "tool", "tools", "hardware"]),
    ];

    private static readonly Dictionary<string, int[]> KindsOfWord = Kinds
        .SelectMany(static (kind, i) => kind.Signs.Select(sign => (sign, i)))
        .GroupBy(static p => p.sign, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(static g => g.Key, static g => g.Select(static p => p.i).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How much each kind of shop a column's words point to (one weight per kind), from its words and their counts: a
    /// kind is kept where at least <paramref name="k"/> of the words point to it; null where none is (then every kind
    /// is as likely).
    /// </summary>
    public static double[]? KindsOf(IEnumerable<KeyValuePair<string, long>> wordCounts, int k)
    {
        ArgumentNullException.ThrowIfNull(wordCounts);
        var weights = new double[Kinds.Length];
        foreach (var (word, count) in wordCounts)
        {
            if (!KindsOfWord.TryGetValue(word.Trim(',', '.', ';', ':', '(', ')', '"', '\'').ToLowerInvariant(), out var kinds)) continue;
            foreach (var kind in kinds) weights[kind] += count;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < k) weights[i] = 0;
        }

        return weights.Any(static w => w > 0) ? weights : null;
    }

    /// <summary>A product name of a kind drawn by <paramref name="kinds"/> (every kind alike where null), with a qualifier half the time.</summary>
    public static string Next(Xoshiro256 random, double[]? kinds)
    {
        ArgumentNullException.ThrowIfNull(random);
        var kind = Kinds[Draw(random, kinds)];
        var product = kind.Products[random.NextInt(kind.Products.Length)];
        return random.NextDouble() < 0.5 ? $"{kind.Qualifiers[random.NextInt(kind.Qualifiers.Length)]} {product}" : product;
    }

    /// <summary>The kind of shop (its position) whose list holds <paramref name="name"/>, a qualifier before it or not; -1 for a name of none.</summary>
    public static int KindOfName(string name) =>
        Array.FindIndex(Kinds, kind => kind.Products.Any(p => name == p || (name.EndsWith(" " + p, StringComparison.Ordinal) && kind.Qualifiers.Contains(name[..^(p.Length + 1)]))));

    private static int Draw(Xoshiro256 random, double[]? weights)
    {
        if (weights is null || weights.Length != Kinds.Length) return random.NextInt(Kinds.Length);
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }

        return Array.FindLastIndex(weights, static w => w > 0);
    }
}
