using Sdv.Connector.Synthesis.Joint;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Joint;

public sealed class TreeSpaceTests
{
    [Fact]
    public void Orders_a_parents_columns_first_then_the_tables_with_each_null_indicator_before_its_value()
    {
        var dimensions = new List<JointDimension>
        {
            new("amount", DimensionKind.Continuous, [], false),
            new("amount", DimensionKind.Categorical, [0.1, 1.0], false),
            new("kind", DimensionKind.Categorical, [0.5, 1.0], false),
            new("__orders__customer_id__num_rows", DimensionKind.Continuous, [], false),
            new("__parent__region", DimensionKind.Categorical, [0.3, 0.6, 1.0], true),
        };
        Assert.Equal([4, 1, 0, 2, 3], TreeSpace.SequentialOrder(dimensions));
        Assert.Equal([1, -1, -1, -1, -1], TreeSpace.NullIndicators(dimensions));
    }
}
