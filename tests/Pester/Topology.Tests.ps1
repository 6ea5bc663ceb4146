# Get/Test/Set-IpipTopology and Set-IpipMesh: desired state on the host kernel (veth pairs
# and addresses; tunnels need the qemu guest, see S6.Scenario.Tests.ps1).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

# The help says a topology hashtable binds to -InputObject and a plan to -Plan from the
# pipeline; both used to fail with "The input object cannot be bound to any parameters".
Describe 'Topologies and plans from the pipeline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Topology = @{
            Namespaces = @(
                @{
                    Name      = ''
                    Veths     = @(@{ Name = 'tp0'; Peer = 'tp1' })
                    Addresses = @(@{ Device = 'tp0'; Address = '10.77.0.1/24' })
                }
            )
        }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'tests a piped hashtable' {
        $Topology | Test-IpipTopology -NetNamespace $Fixture.Namespace | Should -BeFalse
        ($Topology | Test-IpipTopology -NetNamespace $Fixture.Namespace -Detailed).Action | Should -Contain 'Add'
    }

    It 'plans from a piped hashtable and applies a piped plan' {
        $plan = $Topology | Set-IpipTopology -NetNamespace $Fixture.Namespace -WhatIf
        $plan.Steps.Count | Should -BeGreaterThan 0
        (ip -n $Fixture.Namespace -j link show | ConvertFrom-Json).ifname | Should -Not -Contain 'tp0'

        $result = $plan | Set-IpipTopology -NetNamespace $Fixture.Namespace -Confirm:$false
        $result.StepsApplied | Should -Be $plan.Steps.Count
        (ip -n $Fixture.Namespace -j link show | ConvertFrom-Json).ifname | Should -Contain 'tp1'
        $address = ip -n $Fixture.Namespace -j addr show dev tp0 | ConvertFrom-Json
        $address.addr_info | Where-Object family -eq 'inet' | ForEach-Object local | Should -Be '10.77.0.1'
        $Topology | Test-IpipTopology -NetNamespace $Fixture.Namespace | Should -BeTrue
    }

    It 'still binds a piped file to -Path' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "ipt-topology-$([guid]::NewGuid().ToString('N')).psd1"
        try {
            Set-Content -LiteralPath $file -Value "@{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'tq0'; Peer = 'tq1' }) }) }"
            $steps = Get-Item -LiteralPath $file | Test-IpipTopology -NetNamespace $Fixture.Namespace -Detailed
            $steps | Where-Object { $_.Action -eq 'Add' -and "$_" -like '*tq0*' } | Should -Not -BeNullOrEmpty
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }
}
