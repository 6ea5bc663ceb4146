# Topologies with gre, sit, isatap and vti tunnels: the kinds reach Set-IpipTopology through
# their drivers alone (Mode, and a gre tunnel's InputKey and OutputKey); isatap, a flavour of
# sit, through the modes the sit driver names. Converged in a kernel that has the drivers,
# checked against ip -d -j, changed in place, and written back.
Describe 'Topologies with gre, sit, isatap and vti tunnels' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture tkind
        $script:Ns = $Fixture.Namespace
        # Keys are 32-bit numbers; ip prints them as dotted quads: 42 is 0.0.0.42, 16909060 is 1.2.3.4.
        $script:Topology = @{
            Namespaces = @(
                @{
                    Name      = ''
                    Veths     = @( @{ Name = 'ku'; Peer = 'ku-p' } )
                    Tunnels   = @(
                        @{ Name = 'kg0'; Mode = 'gre'; Local = '10.91.0.1'; Remote = '10.91.0.2'; Ttl = 64; Underlay = 'ku'; InputKey = 42; OutputKey = 16909060 }
                        @{ Name = 'ks0'; Mode = 'sit'; Local = '10.91.0.1'; Remote = '10.91.0.3' }
                        @{ Name = 'ki0'; Mode = 'isatap'; Local = '10.91.0.1' }
                        @{ Name = 'kv0'; Mode = 'vti'; Local = '10.91.0.1'; Remote = '10.91.0.4'; InputKey = 5; OutputKey = 6 }
                    )
                    Addresses = @( @{ Device = 'ku'; Address = '10.91.0.1/24' } )
                }
            )
        }
        $script:First = Set-IpipTopology -InputObject $Topology -NetNamespace $Ns -Confirm:$false
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'makes the gre tunnel with its keys, as ip sees it' {
        $First.ChangeRequests | Should -BeGreaterThan 0
        $gre = Get-IpLink $Ns kg0
        $gre.linkinfo.info_kind | Should -Be 'gre'
        $gre.linkinfo.info_data.local | Should -Be '10.91.0.1'
        $gre.linkinfo.info_data.remote | Should -Be '10.91.0.2'
        [int]$gre.linkinfo.info_data.ttl | Should -Be 64
        $gre.linkinfo.info_data.ikey | Should -Be '0.0.0.42'
        $gre.linkinfo.info_data.okey | Should -Be '1.2.3.4'
        $gre.operstate | Should -Not -Be 'DOWN'
    }

    It 'makes the sit tunnel, as ip sees it' {
        $sit = Get-IpLink $Ns ks0
        $sit.linkinfo.info_kind | Should -Be 'sit'
        $sit.linkinfo.info_data.local | Should -Be '10.91.0.1'
        $sit.linkinfo.info_data.remote | Should -Be '10.91.0.3'
    }

    It 'makes the isatap tunnel: sit with the ISATAP flag, as ip sees it' {
        $isatap = Get-IpLink $Ns ki0
        $isatap.linkinfo.info_kind | Should -Be 'sit'
        $isatap.linkinfo.info_data.PSObject.Properties.Name | Should -Contain 'isatap'
        $isatap.linkinfo.info_data.local | Should -Be '10.91.0.1'
        $isatap.linkinfo.info_data.remote | Should -Be 'any'
        (Get-IpLink $Ns ks0).linkinfo.info_data.PSObject.Properties.Name | Should -Not -Contain 'isatap' -Because 'the sit tunnel beside it is plain sit'
        (Get-IpTunnel ki0 -NetNamespace $Ns).Mode | Should -Be 'isatap'
    }

    It 'makes the vti tunnel with its keys, through the vti driver alone, as ip sees it' {
        $vti = Get-IpLink $Ns kv0
        $vti.linkinfo.info_kind | Should -Be 'vti'
        $vti.linkinfo.info_data.remote | Should -Be '10.91.0.4'
        $vti.linkinfo.info_data.ikey | Should -Be '0.0.0.5'
        $vti.linkinfo.info_data.okey | Should -Be '0.0.0.6'
    }

    It 'sends no change request when set again' {
        $again = Set-IpipTopology -InputObject $Topology -NetNamespace $Ns -Confirm:$false

        $again.StepsApplied | Should -Be 0
        $again.ChangeRequests | Should -Be 0
        $again.Plan.IsConverged | Should -BeTrue
    }

    It 'puts back a key changed behind its back, in place' {
        $index = (Get-IpLink $Ns kg0).ifindex
        ip -n $Ns link set kg0 type gre ikey 7 okey 16909060 local 10.91.0.1 remote 10.91.0.2 ttl 64 dev ku
        $LASTEXITCODE | Should -Be 0
        (Get-IpLink $Ns kg0).linkinfo.info_data.ikey | Should -Be '0.0.0.7'

        @(Test-IpipTopology -InputObject $Topology -NetNamespace $Ns -Detailed).Reason | Should -Be 'InputKey 7 → 42'
        Set-IpipTopology -InputObject $Topology -NetNamespace $Ns -Confirm:$false | Out-Null

        $gre = Get-IpLink $Ns kg0
        $gre.linkinfo.info_data.ikey | Should -Be '0.0.0.42'
        $gre.ifindex | Should -Be $index -Because 'a key changes in place, the tunnel is not made again'
    }

    It 'writes Mode and the keys in -AsText, and the text tests true' {
        $text = Get-IpipTopology -NetNamespace $Ns -AsText
        $text | Should -Match "Mode = 'gre'"
        $text | Should -Match 'InputKey = 42'
        $text | Should -Match 'OutputKey = 16909060'
        $text | Should -Match "Mode = 'sit'"
        $text | Should -Match "Name = 'ki0'\s+Mode = 'isatap'\s+Local = '10\.91\.0\.1'"
        $text | Should -Match "Mode = 'vti'"
        $file = Join-Path $TestDrive kinds.psd1
        Set-Content -LiteralPath $file -Value $text -NoNewline

        Test-IpipTopology -Path $file -NetNamespace $Ns | Should -BeTrue
    }

    It 'makes a sit tunnel again as isatap when the Mode says so, and it converges' {
        $own = New-NetNamespaceFixture tkisa
        try {
            $sit = @{ Namespaces = @(@{ Name = ''; Tunnels = @( @{ Name = 'kf0'; Mode = 'sit'; Local = '10.92.0.1' } ) }) }
            Set-IpipTopology -InputObject $sit -NetNamespace $own.Namespace -Confirm:$false | Out-Null
            $index = (Get-IpLink $own.Namespace kf0).ifindex
            (Get-IpLink $own.Namespace kf0).linkinfo.info_data.PSObject.Properties.Name | Should -Not -Contain 'isatap'

            $sit.Namespaces[0].Tunnels[0].Mode = 'ISATAP'
            $reasons = @(Test-IpipTopology -InputObject $sit -NetNamespace $own.Namespace -Detailed).Reason
            # Made again, the tunnel then comes up: a second step.
            $reasons | Should -Contain 'mode sit → isatap: the ISATAP mode is fixed when the tunnel is created, so the kernel cannot change it in place'
            Set-IpipTopology -InputObject $sit -NetNamespace $own.Namespace -Confirm:$false | Out-Null

            $link = Get-IpLink $own.Namespace kf0
            $link.linkinfo.info_data.PSObject.Properties.Name | Should -Contain 'isatap'
            $link.ifindex | Should -Not -Be $index -Because 'the kernel fixes the ISATAP flag when a tunnel is made'
            (Set-IpipTopology -InputObject $sit -NetNamespace $own.Namespace -Confirm:$false).ChangeRequests | Should -Be 0
        }
        finally {
            Remove-NetNamespaceFixture $own -Confirm:$false
        }
    }
}
