using System.Reflection;
using System.Reflection.Emit;

namespace IpipTools.Module.Tests.Static;

/// <summary>
/// The control flow of one method body, read from its IL: how many conditional
/// branches it takes and whether any branch goes backwards (a loop).
/// </summary>
public sealed record IlBranches(int Size, int ConditionalBranches, bool HasLoop, int ExceptionHandlers)
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IlBranches Of(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return new IlBranches(0, 0, false, 0);
        }

        var il = body.GetILAsByteArray()!;
        var conditional = 0;
        var loop = false;
        for (var offset = 0; offset < il.Length;)
        {
            var start = offset;
            short value = il[offset++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[offset++]);
            }

            var op = OpCodesByValue[value];
            var operandSize = OperandSize(op.OperandType, il, offset);
            var next = offset + operandSize;
            foreach (var target in Targets(op.OperandType, il, offset, next))
            {
                loop |= target <= start;
            }

            if (op.FlowControl == FlowControl.Cond_Branch)
            {
                conditional += op.OperandType == OperandType.InlineSwitch ? BitConverter.ToInt32(il, offset) : 1;
            }

            offset = next;
        }

        return new IlBranches(il.Length, conditional, loop, body.ExceptionHandlingClauses.Count);
    }

    private static int OperandSize(OperandType type, byte[] il, int offset) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
        _ => 4,
    };

    private static IEnumerable<int> Targets(OperandType type, byte[] il, int offset, int next) => type switch
    {
        OperandType.ShortInlineBrTarget => new[] { next + (sbyte)il[offset] },
        OperandType.InlineBrTarget => new[] { next + BitConverter.ToInt32(il, offset) },
        OperandType.InlineSwitch => Enumerable.Range(0, BitConverter.ToInt32(il, offset)).Select(i => next + BitConverter.ToInt32(il, offset + 4 + (4 * i))),
        _ => Array.Empty<int>(),
    };
}
