# Module manifest for IpipTools: Linux IP tunnels as PowerShell objects, over rtnetlink.
#
# This manifest sits at the top of the repository so that, after the build,
#     ./build.ps1            (or: dotnet publish src/IpipTools -c Release -o out/IpipTools)
#     Import-Module ./IpipTools.psd1
# loads the module straight from the build output in out/IpipTools/. Publishing writes a
# copy of it into out/IpipTools/ with the 'out/IpipTools/' prefix taken off (the one place
# that copy is made: src/IpipTools/IpipTools.csproj), which makes that folder the module a
# package holds and users install.
#
# ModuleVersion is the release's version, written only here: the assemblies and the DSC
# resource manifest take it from this line when they are built (Directory.Build.props).
# It follows SemVer (MAJOR.MINOR.PATCH); CHANGELOG.md has a section for each release.
@{
    RootModule           = 'out/IpipTools/IpipTools.dll'
    ModuleVersion        = '0.2.0'
    GUID                 = 'df0d769e-764e-4e92-9f0c-e94585f0f9de'
    Author               = 'The IpipTools authors'
    CompanyName          = 'The IpipTools authors'
    Copyright            = '(c) The IpipTools authors. Licensed under the MIT License.'
    Description          = 'Linux IP tunnels (ipip, gre, sit, isatap, vti) as PowerShell objects: tunnels, addresses, routes, policy routing rules, neighbour and bridge FDB entries, veth pairs, bridges and links, forwarding and network namespaces, spoken over rtnetlink without starting ip; whole topologies converged from data files, on one host or many.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('out/IpipTools/IpipTools.format.ps1xml')
    TypesToProcess       = @('out/IpipTools/IpipTools.types.ps1xml')

    # Explicit lists: the module tests compare CmdletsToExport with the [Cmdlet] classes.
    CmdletsToExport      = @(
        'New-IpipTunnel'
        'Get-IpipTunnel'
        'Set-IpipTunnel'
        'Remove-IpipTunnel'
        'New-IpTunnel'
        'Get-IpTunnel'
        'Set-IpTunnel'
        'Remove-IpTunnel'
        'Add-TunnelPeerAddress'
        'Get-TunnelPeerAddress'
        'Remove-TunnelPeerAddress'
        'Add-IpAddress'
        'Get-IpAddress'
        'Remove-IpAddress'
        'Add-OnlinkRoute'
        'Get-OnlinkRoute'
        'Remove-OnlinkRoute'
        'Add-IpRoute'
        'Get-IpRoute'
        'Remove-IpRoute'
        'Add-IpRule'
        'Get-IpRule'
        'Remove-IpRule'
        'Add-IpNeighbor'
        'Get-IpNeighbor'
        'Set-IpNeighbor'
        'Remove-IpNeighbor'
        'Add-BridgeFdbEntry'
        'Get-BridgeFdbEntry'
        'Remove-BridgeFdbEntry'
        'New-NetNamespace'
        'Get-NetNamespace'
        'Remove-NetNamespace'
        'Enter-NetNamespace'
        'Exit-NetNamespace'
        'Invoke-NetNamespaceCommand'
        'Get-NetLink'
        'New-VethPair'
        'Get-VethPair'
        'Remove-VethPair'
        'Set-NetLink'
        'Remove-NetLink'
        'New-NetBridge'
        'Set-NetBridge'
        'Remove-NetBridge'
        'Get-IpForwarding'
        'Enable-IpForwarding'
        'Disable-IpForwarding'
        'Test-IpipSupport'
        'New-NetNamespaceFixture'
        'New-IpipLabFixture'
        'Remove-NetNamespaceFixture'
        'Get-IpipTopology'
        'Test-IpipTopology'
        'Set-IpipTopology'
        'Set-IpipMesh'
        'New-XfrmState'
        'Get-XfrmState'
        'Set-XfrmState'
        'Remove-XfrmState'
        'New-XfrmPolicy'
        'Get-XfrmPolicy'
        'Set-XfrmPolicy'
        'Remove-XfrmPolicy'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Linux', 'PSEdition_Core', 'Networking', 'Tunnel', 'IPIP', 'GRE', 'Netlink', 'Namespace', 'Routing', 'DSC')
            ProjectUri   = 'https://github.com/ipiptools/IpipTools'
            LicenseUri   = 'https://github.com/ipiptools/IpipTools/blob/main/LICENSE'
            ReleaseNotes = 'IpipTools 0.2.0, the first release numbered by SemVer: tunnels (ipip, gre, sit, isatap, vti), addresses, routes, policy routing rules, neighbour and bridge FDB entries, veth pairs, bridges, forwarding and network namespaces as PowerShell objects over rtnetlink; topologies converged from data files on one host or many, as a DSC v3 resource, and at boot by a systemd unit. The changes of every release: https://github.com/ipiptools/IpipTools/blob/main/CHANGELOG.md'
        }
    }
}
