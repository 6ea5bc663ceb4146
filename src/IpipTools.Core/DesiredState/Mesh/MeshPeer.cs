namespace IpipTools.Core.DesiredState.Mesh;

/// <summary>Another node of a mesh: the block of addresses it hosts ("10.42.2.0/24") and its underlay address, the outer destination.</summary>
public sealed record MeshPeer(string Block, string Underlay);
