# Add-IpAddress, Get-IpAddress and Remove-IpAddress: plain addresses, IPv4 and IPv6, with
# `ip -d -j addr` as the oracle both ways, and pipelines (strings, Import-Csv rows, Get | Remove).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The addresses of DEVICE as ip -d -j prints them, both families, each with its device.
    function script:Get-OracleAddressOf([string] $Namespace, [string] $Device) {
        foreach ($link in Get-IpJson $Namespace addr show dev $Device) {
            foreach ($info in $link.addr_info) { $info }
        }
    }
}

# Each test has a namespace of its own with the veth pair a0, a1 up.
Describe 'Plain addresses on a veth pair' {
    BeforeEach {
        $script:Fixture = New-VethLab a0 a1
        $script:Ns = $Fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    Describe 'Add-IpAddress writes what ip addr reads' {
        It 'adds <Given> as ip addr add does' -ForEach @(
            @{ Given = '10.50.0.1/24'; Local = '10.50.0.1'; Length = 24; Scope = 'global' }
            @{ Given = '10.50.0.2'; Local = '10.50.0.2'; Length = 32; Scope = 'global' }
            @{ Given = '2001:db8:50::1/64'; Local = '2001:db8:50::1'; Length = 64; Scope = 'global' }
            @{ Given = 'fd00:50::7'; Local = 'fd00:50::7'; Length = 128; Scope = 'global' }
            @{ Given = '10.50.1.1/16'; Local = '10.50.1.1'; Length = 16; Scope = 'link'; ScopeArgument = 'Link' }
        ) {
            $arguments = @{}
            if ($ScopeArgument) { $arguments.Scope = $ScopeArgument }
            $address = Add-IpAddress $Given -InterfaceName a0 -NetNamespace $Ns @arguments
            $address.InterfaceName | Should -Be 'a0'
            "$($address.Address)" | Should -Be $Local
            $address.PrefixLength | Should -Be $Length
            "$($address.Scope)".ToLowerInvariant() | Should -Be $Scope
            $address.Peer | Should -BeNullOrEmpty
            $oracle = Get-OracleAddressOf $Ns a0 | Where-Object local -eq $Local
            $oracle | Should -HaveCount 1
            $oracle.prefixlen | Should -Be $Length
            $oracle.scope | Should -Be $Scope
            $oracle.address | Should -BeNullOrEmpty -Because 'a plain address has no peer'
            # Read back, it is the same address.
            "$(Get-IpAddress a0 -Address $Local -NetNamespace $Ns)" | Should -Be "$address"
        }

        It 'takes the length from -PrefixLength when the address has none, and routes its network to the device' {
            Add-IpAddress 10.51.0.1 -PrefixLength 24 -InterfaceName a0 -NetNamespace $Ns | Out-Null
            (Get-OracleAddressOf $Ns a0 | Where-Object local -eq '10.51.0.1').prefixlen | Should -Be 24
            (Get-IpJsonRoute $Ns | Where-Object dst -eq '10.51.0.0/24').dev | Should -Be 'a0'
        }

        It 'changes nothing under -WhatIf, and says what it would add' {
            $run = Invoke-HostCaptured { '10.52.0.1/24', '2001:db8:52::1/64' | Add-IpAddress -InterfaceName a0 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
            $run.Errors | Should -BeNullOrEmpty
            $run.HostLines | Should -HaveCount 2
            $run.HostLines[1] | Should -BeLike "What if:*Add address 2001:db8:52::1/64*interface 'a0'*$Ns*"
            Get-OracleAddressOf $Ns a0 | Where-Object family -ne 'inet6' | Should -BeNullOrEmpty
            Get-OracleAddressOf $Ns a0 | Where-Object local -eq '2001:db8:52::1' | Should -BeNullOrEmpty
        }
    }

    Describe 'Remove-IpAddress' {
        It 'removes an address ip added, given as ip addr del takes it' {
            ip -n $Ns addr add 10.54.0.1/24 dev a0
            ip -n $Ns -6 addr add 2001:db8:54::1/64 dev a0 nodad
            Remove-IpAddress 10.54.0.1/24 -InterfaceName a0 -NetNamespace $Ns -Confirm:$false
            Remove-IpAddress 2001:db8:54::1/64 -InterfaceName a0 -NetNamespace $Ns -Confirm:$false
            Get-OracleAddressOf $Ns a0 | Where-Object scope -eq 'global' | Should -BeNullOrEmpty
        }

        It 'removes what Get-IpAddress lists, a peer address too, and leaves the rest' {
            ip -n $Ns addr add 10.55.0.1/24 dev a0
            ip -n $Ns addr add 10.55.100.1 peer 10.55.200.1 dev a0
            ip -n $Ns addr add 10.55.1.1/24 dev a1
            ip -n $Ns -6 addr add 2001:db8:55::1/64 dev a0 nodad
            Get-IpAddress a0 -Scope Global -NetNamespace $Ns | Remove-IpAddress -Confirm:$false
            Get-OracleAddressOf $Ns a0 | Where-Object scope -eq 'global' | Should -BeNullOrEmpty
            (Get-OracleAddressOf $Ns a1 | Where-Object family -eq 'inet').local | Should -Be '10.55.1.1'
        }

        It 'asks -Confirm address by address: No, then Yes' {
            ip -n $Ns addr add 10.56.0.1/24 dev a0
            ip -n $Ns addr add 10.56.1.1/24 dev a0
            $run = Invoke-HostCaptured { '10.56.0.1/24', '10.56.1.1/24' | Remove-IpAddress -InterfaceName a0 -NetNamespace $ns } @{ ns = $Ns } -Choices 2, 0
            $run.Errors | Should -BeNullOrEmpty
            $run.Prompts | Should -HaveCount 2
            @((Get-OracleAddressOf $Ns a0 | Where-Object family -eq 'inet').local) | Should -Be @('10.56.0.1')
        }
    }

    Describe 'Address pipelines from Import-Csv' {
        It 'adds rows, a blank length meaning the one in the address, goes on past a bad row, and removes them again' {
            $csv = Join-Path $TestDrive 'addresses.csv'
            @(
                'Address,PrefixLength,InterfaceName'
                '10.57.0.1/24,,a0'
                '10.57.1.1,16,a1'
                '2001:db8:57::1/64,,a0'
                '10.57.2.1/24,,nosuch0'
            ) | Set-Content $csv
            $made = Import-Csv $csv | Add-IpAddress -NetNamespace $Ns -ErrorVariable failures -ErrorAction SilentlyContinue
            $made | Should -HaveCount 3
            $failures | Should -HaveCount 1
            $failures[0].Exception.Message | Should -BeLike "*'nosuch0'*"
            # The failure names the row as it was piped, as the route cmdlets name theirs.
            $failures[0].TargetObject.InterfaceName | Should -Be 'nosuch0'
            $failures[0].TargetObject.Address | Should -Be '10.57.2.1/24'
            (Get-OracleAddressOf $Ns a0 | Where-Object local -eq '10.57.0.1').prefixlen | Should -Be 24
            (Get-OracleAddressOf $Ns a1 | Where-Object local -eq '10.57.1.1').prefixlen | Should -Be 16
            (Get-OracleAddressOf $Ns a0 | Where-Object local -eq '2001:db8:57::1').prefixlen | Should -Be 64

            Import-Csv $csv | Select-Object -First 3 | Remove-IpAddress -NetNamespace $Ns -Confirm:$false
            Get-OracleAddressOf $Ns a0 | Where-Object scope -eq 'global' | Should -BeNullOrEmpty
            Get-OracleAddressOf $Ns a1 | Where-Object scope -eq 'global' | Should -BeNullOrEmpty
        }
    }
}

Describe 'Get-IpAddress reads what ip addr writes' {
    BeforeAll {
        $script:Fixture = New-VethLab b0 b1
        $script:Ns = $Fixture.Namespace
        ip -n $Ns addr add 10.53.0.1/24 dev b0
        ip -n $Ns addr add 10.53.9.1/16 dev b1 scope link
        ip -n $Ns addr add 10.53.100.1 peer 10.53.200.1 dev b1
        ip -n $Ns -6 addr add 2001:db8:53::1/64 dev b0 nodad
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'lists every address ip lists on <Device>, with the same facts' -ForEach @(@{ Device = 'b0' }, @{ Device = 'b1' }) {
        $oracle = @(Get-OracleAddressOf $Ns $Device)
        $ours = @(Get-IpAddress $Device -NetNamespace $Ns)
        $ours.Count | Should -Be $oracle.Count
        foreach ($expected in $oracle) {
            $address = $ours | Where-Object { "$($_.Address)" -eq $expected.local }
            $address | Should -HaveCount 1 -Because $expected.local
            $address.PrefixLength | Should -Be $expected.prefixlen
            "$($address.Scope)".ToLowerInvariant() | Should -Be $expected.scope
            "$($address.Peer)" | Should -Be "$($expected.address)"
        }
    }

    It 'narrows by wildcard, family, scope and address' {
        @(Get-IpAddress 'b*' -AddressFamily IPv4 -NetNamespace $Ns | ForEach-Object { "$($_.Address)" } | Sort-Object) | Should -Be @('10.53.0.1', '10.53.100.1', '10.53.9.1')
        @(Get-IpAddress -AddressFamily IPv6 -Scope Global -NetNamespace $Ns | ForEach-Object Address) | Should -Be @([ipaddress]'2001:db8:53::1')
        (Get-IpAddress -Scope Link -AddressFamily IPv4 -NetNamespace $Ns).Address | Should -Be ([ipaddress]'10.53.9.1')
        (Get-IpAddress -Address 10.53.100.1 -NetNamespace $Ns).Peer | Should -Be ([ipaddress]'10.53.200.1')
    }
}
