# Scenario S3: namespaces joined through a router, with a capture (reference document 001).
# ns01 (192.168.6.101) and ns02 (192.168.8.101) reach each other through a router namespace
# (the documents' root namespace); tun01 and tun02 carry 172.56.1.101 <-> 172.56.2.101.
Describe 'Scenario S3: namespaces through a router, with a capture' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Helpers.ps1')
    }

    BeforeEach {
        # ns01 and ns02 are made (and in the last test removed) by the namespace cmdlets.
        $script:Router = New-NetNamespaceFixture s3r
        $script:R = $Router.Namespace
        $script:Ns01 = (New-NetNamespace (New-NamespaceName s3a)).Name
        $script:Ns02 = (New-NetNamespace (New-NamespaceName s3b)).Name
        Connect-RouterLink $R $Ns01 veth01_p veth01 192.168.6.1 192.168.6.101 24 192.168.8.0/24
        Connect-RouterLink $R $Ns02 veth02_p veth02 192.168.8.1 192.168.8.101 24 192.168.6.0/24
        Enable-IpForwarding -NetNamespace $R
        New-IpipTunnel tun01 -Remote 192.168.8.101 -Local 192.168.6.101 -Up -NetNamespace $Ns01 | Add-TunnelPeerAddress 172.56.1.101 -Peer 172.56.2.101 | Out-Null
        New-IpipTunnel tun02 -Remote 192.168.6.101 -Local 192.168.8.101 -Up -NetNamespace $Ns02 | Add-TunnelPeerAddress 172.56.2.101 -Peer 172.56.1.101 | Out-Null
    }

    AfterEach {
        $Ns01, $Ns02 | Remove-NamespaceIfPresent
        Remove-NetNamespaceFixture $Router -Confirm:$false
    }

    It 'pings both ways' {
        Test-Ping $Ns01 172.56.2.101 | Should -BeTrue
        Test-Ping $Ns02 172.56.1.101 | Should -BeTrue
    }

    It 'veth01_p carries two IP layers: outer 192.168.6.101 > 192.168.8.101, inner 172.56.1.101 > 172.56.2.101' {
        $capture = Start-PacketCapture $R veth01_p -Filter 'ip proto 4' -Count 2
        Test-Ping $Ns01 172.56.2.101 | Should -BeTrue
        $seen = $capture | Receive-PacketCapture
        $seen.Lines[0] | Should -BeLike 'IP 192.168.6.101 > 192.168.8.101: IP 172.56.1.101 > 172.56.2.101: ICMP echo request*'
        $seen.Lines[1] | Should -BeLike 'IP 192.168.8.101 > 192.168.6.101: IP 172.56.2.101 > 172.56.1.101: ICMP echo reply*'
    }

    It 'cleanup removes tunnels, veths and namespaces, and leaves nothing behind' {
        Get-IpipTunnel -NetNamespace $Ns01 | Remove-IpipTunnel -Confirm:$false
        Get-IpipTunnel -NetNamespace $Ns02 | Remove-IpipTunnel -Confirm:$false
        (Get-IpJson $Ns01 link show type ipip).ifname | Should -Be @('tunl0')
        Get-VethPair -NetNamespace $R | Remove-VethPair -Confirm:$false
        # What stays in the router is what every new namespace has: lo and the fallback devices
        # the loaded tunnel modules put in each namespace (tunl0, gre0, sit0, ...).
        $fresh = New-NetNamespaceFixture s3new
        try { $baseline = @((Get-IpJson $fresh.Namespace link show).ifname | Sort-Object) }
        finally { Remove-NetNamespaceFixture $fresh -Confirm:$false }
        @((Get-IpJson $R link show).ifname | Sort-Object) | Should -Be $baseline
        (Get-IpJson $Ns02 link show type veth) | Should -BeNullOrEmpty
        Remove-NetNamespace $Ns01 -Confirm:$false
        Remove-NetNamespace $Ns02 -Confirm:$false
        $names = @((ip -j netns list | ConvertFrom-Json).name)
        $names | Should -Not -Contain $Ns01
        $names | Should -Not -Contain $Ns02
        Get-IpJsonRoute $R | Should -BeNullOrEmpty
    }
}
