using Sdv.Connector.Synthesis.MultiTable;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>A secondary key sharing the tenant with the key set before it picks only parents of the row's tenant.</summary>
public sealed class SharedKeyPickerTests
{
    /// <summary>Accounts (tenant_id, id): three in tenant 1, two in tenant 2, none in tenant 3.</summary>
    private static GeneratedTable.KeyColumnStore Accounts()
    {
        var keys = new GeneratedTable.KeyColumnStore([0, 1]);
        foreach (var (tenant, id) in new (long, long)[] { (1, 1), (1, 2), (2, 1), (1, 3), (2, 2) }) keys.Add([tenant, id]);
        return keys;
    }

    [Fact]
    public void Picks_only_parents_that_agree_on_the_shared_column_and_none_where_no_parent_does()
    {
        using var keys = Accounts();
        // The child row holds (tenant_id, assignee_id) at positions 0 and 2; the tenant was set by the project.
        var picker = SharedKeyPicker.Build([0], [true, false], keys, [1, 1, 1, 1, 1], null, 100);
        var random = new Xoshiro256(7);
        var seen = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            var index = picker.Pick([2L, "task", null], null, random);
            Assert.Equal(2L, keys.Get(index)[0]);
            seen.Add(index);
        }

        Assert.Equal([2, 4], seen.Order());
        Assert.Equal(-1, picker.Pick([3L, "task", null], null, random));
        Assert.True(picker.HasNull([null, "task", null]));
        Assert.False(picker.HasNull([1L, "task", null]));
    }
}
