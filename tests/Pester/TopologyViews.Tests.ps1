# What desired state shows a person: a plan (Set-IpipTopology -WhatIf, Set-IpipMesh -WhatIf, each
# host's plan) as one line per step and each conflict by name; Test-IpipTopology -Detailed's
# conflicts in full; Get-IpipTopology's data as its .psd1 text while it stays data; and the
# -Prune refusal for a namespace dropped from a topology, with ip as the oracle of what stayed.
Describe 'Topology output a person can read' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        # A veth from A to B and one from A to C, addresses on both ends of the first, a route;
        # -WithConflict adds an address on a device nothing declares.
        function New-ViewTopology {
            param([switch] $WithConflict, [switch] $WithoutC)
            $a = @{
                Name       = $A.Namespace
                Forwarding = $true
                Veths      = @(
                    @{ Name = 'vv1'; Peer = 'vp1'; PeerNamespace = $B.Namespace }
                    if (-not $WithoutC) { @{ Name = 'vv2'; Peer = 'vp2'; PeerNamespace = $C.Namespace } }
                )
                Addresses  = @(
                    @{ Device = 'vv1'; Address = '10.71.1.1/24' }
                    if ($WithConflict) { @{ Device = 'nope0'; Address = '10.71.9.1/24' } }
                )
                Routes     = @( @{ Destination = '10.72.0.0/24'; Gateway = '10.71.1.2' } )
            }
            @{
                Namespaces = @(
                    $a
                    @{ Name = $B.Namespace; Addresses = @( @{ Device = 'vp1'; Address = '10.71.1.2/24' } ) }
                    if (-not $WithoutC) { @{ Name = $C.Namespace } }
                )
            }
        }
    }

    BeforeEach {
        $script:A = New-NetNamespaceFixture view
        $script:B = New-NetNamespaceFixture view
        $script:C = New-NetNamespaceFixture view
    }

    AfterEach {
        foreach ($fixture in $A, $B, $C) { Remove-NetNamespaceFixture $fixture -Confirm:$false }
    }

    It 'shows a plan from -WhatIf as one line per step and each conflict by name, and applies nothing' {
        $plan = Set-IpipTopology -InputObject (New-ViewTopology -WithConflict) -WhatIf
        $plan.Steps.Count | Should -BeGreaterThan 5
        $lines = ($plan | Out-String -Width 250) -split "`r?`n"

        $lines | Should -Contain "Plan for namespace '$($A.Namespace)', namespace '$($B.Namespace)', namespace '$($C.Namespace)': $($plan.Steps.Count) steps: $([IpipTools.Core.DesiredState.Planning.PlanReport]::ActionCounts($plan)); stopped by 1 conflict"
        foreach ($step in $plan.Steps) {
            $pattern = '^\s*{0}\s+{1}\s+{2}\s+{3}\s+{4}\s+{5}$' -f $step.Number, $step.Action, $step.Kind, [regex]::Escape($step.Namespace), [regex]::Escape($step.Target), [regex]::Escape($step.Reason)
            @($lines -match $pattern) | Should -HaveCount 1 -Because "step $($step.Number) ($($step.Action) $($step.Target)) has a line of its own"
        }
        $lines | Should -Contain "  CONFLICT 10.71.9.1/24 dev nope0 in namespace '$($A.Namespace)'"
        $lines | Should -Contain "      why: $($plan.Conflicts[0].Problem)"
        $lines | Should -Contain "      fix: $($plan.Conflicts[0].RecommendedAction)"
        ($lines -join "`n") | Should -Not -Match '…|System\.Collections'

        ip -n $A.Namespace -j link show | ConvertFrom-Json | Where-Object ifname -like 'vv*' | Should -BeNullOrEmpty
    }

    It 'shows each conflict of Test-IpipTopology -Detailed in full after the table of steps' {
        $detailed = @(Test-IpipTopology -InputObject (New-ViewTopology -WithConflict) -Detailed)
        $conflict = $detailed | Where-Object { $_ -is [IpipTools.Core.DesiredState.Planning.PlanConflict] }
        $conflict | Should -HaveCount 1
        $text = $detailed | Out-String -Width 120

        $text | Should -Match '(?m)^Number\s+Action\s+Kind\s+Namespace\s+Target\s+Reason'
        $text | Should -Match "(?m)^  CONFLICT 10\.71\.9\.1/24 dev nope0 in namespace '$([regex]::Escape($A.Namespace))'$"
        # Narrower than the reason: written whole, wrapped by the host rather than cut off.
        $narrow = ($detailed | Out-String -Width 50) -replace '\s', ''
        $narrow | Should -BeLike "*why:$($conflict.Problem -replace '\s', '')*"
        $narrow | Should -BeLike "*fix:$($conflict.RecommendedAction -replace '\s', '')*"
    }

    It 'shows Set-IpipMesh -WhatIf and a host''s plan the same way' {
        New-VethPair vm0 vm1 -NetNamespace $A.Namespace | Out-Null
        $plan = Set-IpipMesh 10.73.1.0 @{ '10.73.2.0/24' = '192.0.2.2' } -Device vm0 -NetNamespace $A.Namespace -WhatIf
        $route = $plan.Steps | Where-Object Kind -eq 'Route'
        $route | Should -HaveCount 1
        $lines = ($plan | Out-String -Width 250) -split "`r?`n"
        @($lines -match ('^\s*{0}\s+Add\s+Route\s+{1}\s+{2}\s+missing$' -f $route.Number, [regex]::Escape($A.Namespace), [regex]::Escape($route.Target))) | Should -HaveCount 1

        $hostLines = ([IpipTools.Topology.Hosts.HostPlan]::new('node-a', $plan) | Out-String -Width 250) -split "`r?`n"
        $hostLines | Should -Contain "On host node-a: Plan for namespace '$($A.Namespace)': $($plan.Steps.Count) steps: $([IpipTools.Core.DesiredState.Planning.PlanReport]::ActionCounts($plan))"
        @($hostLines -match ('^\s*{0}\s+Add\s+Route\s+' -f $route.Number)) | Should -HaveCount 1
    }

    It 'refuses to prune a veth whose other end is in a namespace left out, says why, and that namespaces are never pruned' {
        Set-IpipTopology -InputObject (New-ViewTopology) | Out-Null
        (Get-IpLink $A.Namespace vv2).ifalias | Should -Be 'ipiptools:managed'

        Set-IpipTopology -InputObject (New-ViewTopology -WithoutC) -Prune -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null

        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'TopologyConflict,*'
        $message = $failure[0].Exception.Message
        $message | Should -BeLike "The topology cannot be applied, and nothing was changed: 1 conflict stands in the way. veth vv2 in namespace '$($A.Namespace)': it should be removed (owned by IpipTools and not in the topology), but its other end is in a namespace the topology does not name*"
        $message | Should -BeLike '*-Prune never removes a namespace, not even one a topology created*'
        $message | Should -Not -BeLike '*does not own*'
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike "*Remove-VethPair vv2 -NetNamespace '$($A.Namespace)'*"
        # Nothing was changed: both ends and C itself are still there.
        (Get-IpLink $A.Namespace vv2).ifname | Should -Be 'vv2'
        (Get-IpLink $C.Namespace vp2).ifname | Should -Be 'vp2'

        # Doing what it says: C named (with nothing in it) lets -Prune take the pair, and C stays.
        $named = New-ViewTopology -WithoutC
        $named.Namespaces += @{ Name = $C.Namespace }
        (Set-IpipTopology -InputObject $named -Prune).StepsApplied | Should -BeGreaterThan 0
        Get-IpLink $A.Namespace vv2 | Should -BeNullOrEmpty
        Get-IpLink $C.Namespace vp2 | Should -BeNullOrEmpty
        Test-Path "/run/netns/$($C.Namespace)" | Should -BeTrue
        (Get-IpLink $A.Namespace vv1).ifname | Should -Be 'vv1'
    }

    It 'shows Get-IpipTopology''s data as its .psd1 text, and it stays data that sets and tests the same state' {
        Set-IpipTopology -InputObject (New-ViewTopology) | Out-Null
        $names = $A.Namespace, $B.Namespace, $C.Namespace
        $exported = Get-IpipTopology -NetNamespace $names

        ($exported | Out-String).Trim() | Should -Be (Get-IpipTopology -NetNamespace $names -AsText).Trim()
        ($exported | Out-String) | Should -Not -Match 'OrderedDictionary'
        $exported.Namespaces[1].Name | Should -Be $B.Namespace
        $exported.namespaces.Count | Should -Be 3 -Because 'its keys are matched in any letter case, as a hashtable''s'

        $exported | Test-IpipTopology | Should -BeTrue
        ($exported | Set-IpipTopology).ChangeRequests | Should -Be 0
        ($exported | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable | Test-IpipTopology) | Should -BeTrue

        # The view is of the data as it stands: a change shows, and is what is set.
        $exported.Namespaces[0].Forwarding = $false
        ($exported | Out-String) | Should -Match "(?s)Name = '$([regex]::Escape($A.Namespace))'\s+Forwarding = \`$false"
        $exported | Set-IpipTopology | Out-Null
        ip netns exec $A.Namespace sysctl -n net.ipv4.ip_forward | Should -Be '0'

        $table = ($exported | Format-Table | Out-String -Width 200) -split "`r?`n" | Where-Object { $_ -like "$($A.Namespace), $($B.Namespace), $($C.Namespace) *" }
        $table | Should -HaveCount 1
        $links = @($exported.Namespaces | ForEach-Object { $_.Devices; $_.Bridges; $_.Veths; $_.Tunnels } | Where-Object { $_ }).Count
        $routes = ($names | ForEach-Object { @(ip -n $_ -j route show proto 73 | ConvertFrom-Json).Count } | Measure-Object -Sum).Sum
        $routes | Should -BeGreaterThan 0
        ($table -split '\s+' | Select-Object -Last 3) -join ' ' | Should -BeLike "$links * $routes" -Because 'links, addresses, routes'
    }
}
