# Get/Test/Set-IpipTopology on the host kernel: veth pairs, bridges, addresses, routes and
# forwarding across three namespaces, from a hashtable and from a data file, with ip -d -j
# as the oracle and ping across the result. Tunnels (and the examples/ data files, which
# hold tunnels) are in TopologyExamples.Tests.ps1.
Describe 'Topology cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        # The lab: a router namespace (the topology's current namespace, '') forwards
        # between nodes A and B, each with a bridge holding its host block 10.42.N.1/24.
        function New-Lab {
            $id = [guid]::NewGuid().ToString('N').Substring(0, 8)
            $router = New-NetNamespaceFixture ptr
            $a = "pta-$id"
            $b = "ptb-$id"
            $topology = @{
                Namespaces = @(
                    @{
                        Name       = ''
                        Forwarding = $true
                        Veths      = @(
                            @{ Name = 'to-a'; Peer = 'eth0'; PeerNamespace = $a }
                            @{ Name = 'to-b'; Peer = 'eth0'; PeerNamespace = $b }
                        )
                        Addresses  = @(
                            @{ Device = 'to-a'; Address = '10.1.1.1/24' }
                            @{ Device = 'to-b'; Address = '10.1.2.1/24' }
                        )
                        Routes     = @(
                            @{ Destination = '10.42.1.0/24'; Gateway = '10.1.1.2' }
                            @{ Destination = '10.42.2.0/24'; Gateway = '10.1.2.2' }
                        )
                    }
                    foreach ($node in @{ Name = $a; N = 1 }, @{ Name = $b; N = 2 }) {
                        @{
                            Name      = $node.Name
                            Bridges   = @( @{ Name = 'br0' } )
                            Addresses = @(
                                @{ Device = 'eth0'; Address = "10.1.$($node.N).2/24" }
                                @{ Device = 'br0'; Address = "10.42.$($node.N).1/24" }
                            )
                            Routes    = @( @{ Destination = 'default'; Gateway = "10.1.$($node.N).1" } )
                        }
                    }
                )
            }
            [pscustomobject]@{ Router = $router; R = $router.Namespace; A = $a; B = $b; Topology = $topology }
        }

        function Remove-Lab($lab) {
            foreach ($name in $lab.A, $lab.B) {
                if (Test-Path "/run/netns/$name") { Remove-NetNamespace $name -Confirm:$false }
            }
            Remove-NetNamespaceFixture $lab.Router -Confirm:$false
        }
    }

    BeforeEach {
        $script:Lab = New-Lab
    }

    AfterEach {
        Remove-Lab $Lab
    }

    It 'converges to a hashtable: ip sees every object, marked as IpipTools'' own, and ping crosses it' {
        $result = Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R
        $result.StepsApplied | Should -BeGreaterThan 0
        $result.ChangeRequests | Should -BeGreaterThan 0

        $toA = Get-IpLink $Lab.R to-a
        $toA.linkinfo.info_kind | Should -Be 'veth'
        $toA.ifalias | Should -Be 'ipiptools:managed'
        $toA.flags | Should -Contain 'UP'
        (Get-IpLink $Lab.A br0).linkinfo.info_kind | Should -Be 'bridge'
        (Get-IpLink $Lab.A eth0).flags | Should -Contain 'UP'
        (Get-IpJsonAddress $Lab.A br0).local | Should -Be '10.42.1.1'
        (Get-IpJsonAddress $Lab.B eth0).local | Should -Be '10.1.2.2'
        $default = Get-IpJsonRoute $Lab.A | Where-Object dst -eq 'default'
        $default.gateway | Should -Be '10.1.1.1'
        "$($default.protocol)" | Should -Be '73'
        (Get-IpJsonRoute $Lab.R | Where-Object dst -eq '10.42.2.0/24').gateway | Should -Be '10.1.2.2'
        Get-IpForwardingOracle $Lab.R | Should -BeTrue
        Test-Ping $Lab.A 10.42.2.1 -Source 10.42.1.1 | Should -BeTrue
    }

    It 'sends no change request the second time, and the state stays as it was' {
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Out-Null
        $before = Get-IpState $Lab.R, $Lab.A, $Lab.B
        $again = Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R
        $again.ChangeRequests | Should -Be 0
        $again.StepsApplied | Should -Be 0
        $again.Plan.IsConverged | Should -BeTrue
        Get-IpState $Lab.R, $Lab.A, $Lab.B | Should -Be $before
    }

    It 'tests false before and true after, names the drift ip made, and Set repairs it' {
        Test-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Should -BeFalse
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Out-Null
        Test-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Should -BeTrue

        ip -n $Lab.A addr del 10.42.1.1/24 dev br0
        ip -n $Lab.R route del 10.42.2.0/24
        ip -n $Lab.B link set br0 down
        Test-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Should -BeFalse
        $drift = @(Test-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R -Detailed)
        $drift | Should -HaveCount 3
        ($drift | Where-Object Namespace -eq $Lab.A).Target | Should -BeLike '10.42.1.1/24*br0*'
        ($drift | Where-Object Namespace -eq $Lab.R).Target | Should -BeLike '10.42.2.0/24*'
        ($drift | Where-Object Namespace -eq $Lab.B).Target | Should -BeLike '*br0*'

        (Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R).StepsApplied | Should -Be 3
        (Get-IpJsonAddress $Lab.A br0).local | Should -Be '10.42.1.1'
        (Get-IpJsonRoute $Lab.R).dst | Should -Contain '10.42.2.0/24'
        (Get-IpLink $Lab.B br0).flags | Should -Contain 'UP'
    }

    It 'writes the plan under -WhatIf, says so once, and changes nothing' {
        $before = Get-IpState $Lab.R
        $run = Invoke-HostCaptured { Set-IpipTopology -InputObject $topology -NetNamespace $ns -WhatIf } @{ topology = $Lab.Topology; ns = $Lab.R }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike "What if:*topology plan*step*"
        $plan = $run.Output[0]
        $plan.Steps.Count | Should -BeGreaterThan 5
        $plan.Steps.Target | Should -Contain '10.42.1.1/24 dev br0'
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $Lab.A
        Get-IpState $Lab.R | Should -Be $before
    }

    It 'converges from a data file, and a plan saved with -SavePlan applies later with -PlanPath' {
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Out-Null
        $file = Join-Path $TestDrive 'lab.psd1'
        Get-IpipTopology -NetNamespace $Lab.R, $Lab.A, $Lab.B -AsText | Set-Content $file
        ip -n $Lab.A addr del 10.42.1.1/24 dev br0
        ip -n $Lab.B addr del 10.42.2.1/24 dev br0
        Test-IpipTopology -Path $file | Should -BeFalse

        $planFile = Join-Path $TestDrive 'plan.json'
        $plan = Set-IpipTopology -Path $file -SavePlan $planFile
        $plan.Steps.Count | Should -Be 2
        Test-Path $planFile | Should -BeTrue
        Get-IpJsonAddress $Lab.B br0 | Should -BeNullOrEmpty -Because '-SavePlan only saves the plan'

        Set-IpipTopology -PlanPath $planFile | Out-Null
        (Get-IpJsonAddress $Lab.A br0).local | Should -Be '10.42.1.1'
        (Get-IpJsonAddress $Lab.B br0).local | Should -Be '10.42.2.1'
        Test-IpipTopology -Path $file | Should -BeTrue
        Test-Ping $Lab.A 10.42.2.1 -Source 10.42.1.1 | Should -BeTrue
    }

    It 'refuses a saved plan once the state has changed, and changes nothing' {
        $planFile = Join-Path $TestDrive 'stale.json'
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R -SavePlan $planFile | Out-Null
        ip -n $Lab.R addr add 10.9.9.9/32 dev lo
        $before = Get-IpState $Lab.R
        Set-IpipTopology -PlanPath $planFile -NetNamespace $Lab.R -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PlanStale,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Get-IpState $Lab.R | Should -Be $before
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $Lab.A
    }

    It 'reports what ip made, and what it reports converges back to itself' {
        ip -n $Lab.R link add br9 type bridge
        ip -n $Lab.R link set br9 up
        ip -n $Lab.R addr add 10.9.0.1/24 dev br9
        ip -n $Lab.R route add 10.99.0.0/24 via 10.9.0.254
        $exported = Get-IpipTopology -NetNamespace $Lab.R
        $ns = $exported.Namespaces | Where-Object { $_.Name -eq $Lab.R }
        $ns.Bridges.Name | Should -Contain 'br9'
        $ns.Addresses | Where-Object { $_.Device -eq 'br9' -and $_.Address -eq '10.9.0.1/24' } | Should -HaveCount 1
        ($ns.Routes | Where-Object Destination -eq '10.99.0.0/24').Gateway | Should -Be '10.9.0.254'
        Test-IpipTopology -InputObject $exported | Should -BeTrue
        Get-IpipTopology -NetNamespace $Lab.R -OwnedOnly | ForEach-Object { $_.Namespaces.Bridges.Name } | Should -Not -Contain 'br9'
    }

    It 'prunes only what IpipTools made' {
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R | Out-Null
        ip -n $Lab.A link add foreign0 type bridge
        ip -n $Lab.A addr add 10.43.0.1/24 dev foreign0
        ($Lab.Topology.Namespaces | Where-Object { $_.Name -eq $Lab.A }).Remove('Bridges')
        ($Lab.Topology.Namespaces | Where-Object { $_.Name -eq $Lab.A }).Addresses = @( @{ Device = 'eth0'; Address = '10.1.1.2/24' } )
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R -Prune | Out-Null
        Get-IpLink $Lab.A br0 | Should -BeNullOrEmpty
        Get-IpLink $Lab.A foreign0 | Should -Not -BeNullOrEmpty
        (Get-IpJsonAddress $Lab.A foreign0).local | Should -Be '10.43.0.1'
    }

    It 'undoes every step when one fails, leaving the namespaces as they were' {
        $before = Get-IpState $Lab.R
        # The gateway is on no link of A's and the route is not onlink: the kernel refuses it, late in the plan.
        ($Lab.Topology.Namespaces | Where-Object { $_.Name -eq $Lab.A }).Routes += @{ Destination = '10.50.0.0/24'; Gateway = '192.0.2.77' }
        Set-IpipTopology -InputObject $Lab.Topology -NetNamespace $Lab.R -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure[0].Exception.Message | Should -BeLike '*192.0.2.77*'
        Get-IpState $Lab.R | Should -Be $before
        (ip -j netns list | ConvertFrom-Json).name | Where-Object { $_ -in $Lab.A, $Lab.B } | Should -BeNullOrEmpty
    }
}

# The help says a topology hashtable binds to -InputObject and a plan to -Plan from the
# pipeline; both used to fail with "The input object cannot be bound to any parameters".
Describe 'Topologies and plans from the pipeline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
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

    # A namespace of its own for every case: testing must find the topology absent, which
    # it is only if no other case applied it first.
    BeforeEach {
        $script:Fixture = New-NetNamespaceFixture
    }

    AfterEach {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'tests a piped hashtable' {
        $Topology | Test-IpipTopology -NetNamespace $Fixture.Namespace | Should -BeFalse
        ($Topology | Test-IpipTopology -NetNamespace $Fixture.Namespace -Detailed).Action | Should -Contain 'Add'
    }

    It 'plans from a piped hashtable and applies a piped plan' {
        $run = Invoke-HostCaptured { $topology | Set-IpipTopology -NetNamespace $ns -WhatIf } @{ topology = $Topology; ns = $Fixture.Namespace }
        $run.Errors | Should -BeNullOrEmpty
        $plan = $run.Output[0]
        $plan.Steps.Count | Should -BeGreaterThan 0
        $run.HostLines | Should -HaveCount 1 -Because '-WhatIf says what it would do once'
        $run.HostLines[0] | Should -BeLike "What if:*Apply topology plan: $($plan.Steps.Count) steps*$($Fixture.Namespace)*"
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
