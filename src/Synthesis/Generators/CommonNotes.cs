using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Sentences as notes, remarks and comments in business records hold them, for a free-text column whose own words are too
/// few to write with (nine employees' notes): a public list written for the project, nothing learned from a source. Bogus'
/// hacker phrases stood here before ("We need to reboot the redundant JBOD circuit!" as an employee's note), which no DBA
/// reads as a note of theirs.
/// </summary>
internal static class CommonNotes
{
    private static readonly string[] Sentences =
    [
        "Called to confirm the details.", "Prefers to be contacted by e-mail.", "Follow up at the end of the month.", "Requested an updated quote.",
        "Documents received and filed.", "Meeting moved to next week.", "Asked for a copy of the last invoice.", "No changes since the last review.",
        "Address updated after the move.", "Payment received on time.", "Waiting for confirmation.", "Discussed the renewal options.",
        "Sent a reminder by post.", "Needs approval from a manager.", "Reviewed with the team on Monday.", "Delivery delayed by two days.",
        "Agreed to send samples.", "Interested in the new catalogue.", "Available mornings only.", "Account opened after the trade fair.",
        "Referred by an existing customer.", "Asked to be called back in the afternoon.", "Order checked and packed.", "Returned one item; refund issued.",
        "Prefers paper invoices.", "Training completed in the first year.", "Works part time on Fridays.", "Speaks English and French.",
        "Transferred from the regional office.", "Responsible for the northern accounts.", "Attended the sales conference.",
        "Annual review scheduled for the spring.", "Holds a degree in business administration.", "Joined after several years in retail.",
        "Handles the weekly stock report.", "Key contact for new suppliers.", "Check the stock before confirming.", "Visit planned for next quarter.",
        "Priority handling requested.", "Credit limit reviewed and approved.", "Left a message with the reception.", "Catalogue sent with the last order.",
        "Confirmed by phone.", "Invoice corrected and sent again.", "Contract renewed for another year.", "Details checked against the last order.",
    ];

    /// <summary>Sentences of the list, none twice, to about <paramref name="length"/> characters (at least one).</summary>
    public static string Next(Xoshiro256 random, int length)
    {
        var first = random.NextInt(Sentences.Length);
        var text = Sentences[first];
        // Consecutive entries of a shuffled walk: a step prime to the list's length visits each sentence once.
        var step = 1 + random.NextInt(Sentences.Length - 1);
        while (Gcd(step, Sentences.Length) != 1) step++;
        for (var i = 1; i < Sentences.Length; i++)
        {
            var next = Sentences[(first + (i * step)) % Sentences.Length];
            if (text.Length + 1 + next.Length > length * 1.2) break;
            text += " " + next;
        }

        return text;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
