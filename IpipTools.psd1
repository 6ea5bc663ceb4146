# Module manifest for IpipTools: Linux IP tunnels as PowerShell objects, over rtnetlink.
#
# This manifest sits at the top of the repository so that, after the build,
#     ./build.ps1            (or: dotnet publish src/IpipTools -c Release -o out/IpipTools)
#     Import-Module ./IpipTools.psd1
# loads the module straight from the build output in out/IpipTools/. build.ps1 also
# writes a copy of this manifest into out/IpipTools/ with the 'out/IpipTools/' prefix
# taken off, which makes that folder a self-contained module to copy onto $env:PSModulePath.
@{
    RootModule           = 'out/IpipTools/IpipTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'df0d769e-764e-4e92-9f0c-e94585f0f9de'
    CompanyName          = 'IpipTools'
    Copyright            = '(c) IpipTools contributors'
    Description          = 'Linux IP tunnels (ipip) as PowerShell objects: tunnels, peer addresses, onlink routes, veth pairs, bridges and links, forwarding and network namespaces, spoken over rtnetlink without starting ip.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('out/IpipTools/IpipTools.format.ps1xml')

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
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags = @('Linux', 'Networking', 'Tunnel', 'IPIP', 'Netlink', 'Namespace', 'PSEdition_Core')
        }
    }
}
