# One topology over many hosts through PowerShell remoting over SSH (Set-IpipTopology and
# Test-IpipTopology with a Hosts section, given as data or in a file with -Path; Set-IpipMesh
# -Node). Each host is a namespace running its own sshd with the PowerShell subsystem
# (Helpers/SshHosts.ps1); the hosts plan and apply with their own IpipTools, in their own
# namespace. The host kernel has no ipip, so this proves the remoting with S6's shape
# without tunnels (a bridge with the host's block, routes to the other hosts' blocks via
# their underlay addresses); S6 with tunnels is proven in the guest by the Scenarios tests.
Describe 'A topology over many hosts, over SSH' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $lab = $null
        $lab = New-SshHostLab -Count 3 -Silent 1
        $reachable = @($lab.Hosts | Where-Object HasSshd)
        $silent = $lab.Hosts | Where-Object { -not $_.HasSshd }
        $connect = @{ UserName = 'root'; KeyFilePath = $lab.KeyFile; SshOption = $lab.SshOption }
        # Routes per host besides the blocks: one of them is 1% of the host's routes.
        $FillerRoutes = 98

        # Host N: bridge mybr0 with 10.42.N.1/24, a route to every other host's block via its
        # underlay address, and filler /32 routes via the next host.
        function New-HostTopology {
            param([object[]] $Hosts)
            $entries = foreach ($h in $Hosts) {
                $next = $reachable[$h.N % $reachable.Count]
                $routes = @(foreach ($other in $reachable | Where-Object N -ne $h.N) {
                        @{ Destination = "10.42.$($other.N).0/24"; Gateway = $other.Address; Device = 'eth0' }
                    }) + @(foreach ($k in 1..$FillerRoutes) { @{ Destination = "10.43.$($h.N).$k/32"; Gateway = $next.Address; Device = 'eth0' } })
                @{
                    HostName   = $h.Address
                    Namespaces = @(@{
                            Name      = ''
                            Bridges   = @(@{ Name = 'mybr0' })
                            Addresses = @(@{ Device = 'mybr0'; Address = "10.42.$($h.N).1/24" })
                            Routes    = $routes
                        })
                }
            }
            @{ Hosts = @($entries) }
        }

        $topology = New-HostTopology $reachable
        $figures = [System.Collections.Generic.List[string]]::new()
        function Measure-Converge {
            param([string] $What, [scriptblock] $Run)
            $results = $null
            $elapsed = Measure-Command { $script:results = & $Run }
            $figures.Add("$What : $($reachable.Count) hosts, $([int]$elapsed.TotalMilliseconds) ms, change requests $(($script:results | Measure-Object ChangeRequests -Sum).Sum)")
            $script:results
        }
    }

    AfterAll {
        $figures | ForEach-Object { Write-Host "many hosts: $_" }
        Remove-SshHostLab $lab
    }

    It 'converges every host in one command, and the hosts reach each other''s blocks' {
        $results = Measure-Converge 'converge' { Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop }
        $results | Should -HaveCount 3
        $results.HostName | Should -Be @($reachable | ForEach-Object Address)
        $results.Status | Should -Not -Contain 'Failed'
        foreach ($h in $reachable) {
            (Get-IpJsonAddress $h.Namespace mybr0).local | Should -Be "10.42.$($h.N).1"
            $routes = Get-IpJsonRoute $h.Namespace
            @($routes | Where-Object { $_.dst -like '10.42.*.0/24' -and $_.gateway }).Count | Should -Be 2
            @($routes | Where-Object dst -like "10.43.$($h.N).*").Count | Should -Be $FillerRoutes
        }
        # Traffic between the hosts' inner addresses, each way it can go.
        foreach ($from in $reachable) {
            foreach ($to in $reachable | Where-Object N -ne $from.N) {
                Test-Ping $from.Namespace "10.42.$($to.N).1" -Source "10.42.$($from.N).1" | Should -BeTrue -Because "host $($from.N) reaches host $($to.N)'s block"
            }
        }
    }

    It 'sends no change request the second time: every host plans no step' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $again = Measure-Converge 'second run' { Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop }
        $again | Should -HaveCount 3
        $again.Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
        ($again | Measure-Object PlannedSteps -Sum).Sum | Should -Be 0
        ($again | Measure-Object ChangeRequests -Sum).Sum | Should -Be 0
        Test-IpipTopology -InputObject $topology @connect | Should -BeTrue
    }

    It 'shows each host''s plan as objects under -WhatIf, and changes nothing' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $drifted = $reachable[1]
        ip -n $drifted.Namespace route del "10.43.$($drifted.N).7/32"
        $plans = Set-IpipTopology -InputObject $topology @connect -WhatIf
        $plans | Should -HaveCount 3
        $plans | ForEach-Object { $_ | Should -BeOfType IpipTools.Topology.Hosts.HostPlan }
        ($plans | Where-Object HostName -eq $drifted.Address).Steps | Should -HaveCount 1
        ($plans | Where-Object HostName -ne $drifted.Address).IsConverged | Should -Be $true, $true
        Get-IpJsonRoute $drifted.Namespace | Where-Object dst -eq "10.43.$($drifted.N).7" | Should -BeNullOrEmpty
    }

    It 'repairs 1% drift on one host, changing only that host' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $drifted = $reachable[2]
        ip -n $drifted.Namespace route del "10.43.$($drifted.N).42/32"
        Test-IpipTopology -InputObject $topology @connect | Should -BeFalse
        $detail = Test-IpipTopology -InputObject $topology @connect -Detailed
        ($detail | Where-Object HostName -eq $drifted.Address).Steps | Should -HaveCount 1
        $results = Measure-Converge 'drift repair' { Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop }
        ($results | Where-Object Changed).HostName | Should -Be $drifted.Address
        ($results | Where-Object Changed).PlannedSteps | Should -Be 1
        ($results | Where-Object Changed).ChangeRequests | Should -BeGreaterThan 0
        (Get-IpJsonRoute $drifted.Namespace | Where-Object dst -eq "10.43.$($drifted.N).42").gateway | Should -Be $reachable[0].Address
    }

    It 'changes no host when one is unreachable, and says which host and why' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $drifted = $reachable[0]
        ip -n $drifted.Namespace route del "10.43.$($drifted.N).3/32"
        $withSilent = New-HostTopology ($reachable + $silent)
        $results = Set-IpipTopology -InputObject $withSilent @connect -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'HostUnreachable*'
        $failures[0].TargetObject | Should -Be $silent.Address
        "$failures" | Should -BeLike "*Host '$($silent.Address)': cannot open a PowerShell session*No host was changed*"
        ($results | Where-Object HostName -eq $silent.Address).Status | Should -Be 'Unreachable'
        ($results | Where-Object HostName -ne $silent.Address).Status | Should -Be 'NotApplied', 'NotApplied', 'NotApplied'
        Get-IpJsonRoute $drifted.Namespace | Where-Object dst -eq "10.43.$($drifted.N).3" | Should -BeNullOrEmpty -Because 'no host is changed when one cannot be planned'
    }

    It 'states which hosts changed and which did not when one fails to apply' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $broken = New-HostTopology $reachable
        foreach ($entry in $broken.Hosts) { $entry.Namespaces[0].Routes += @{ Destination = '10.44.0.0/24'; Gateway = $reachable[0].Address; Device = 'eth0' } }
        # The gateway is on no link of the last host's: the kernel refuses the route there, late in its plan.
        $last = $broken.Hosts[2].Namespaces[0]
        $last.Routes += @{ Destination = '10.50.0.0/24'; Gateway = '192.0.2.77' }
        $before = Get-IpState $reachable[2].Namespace
        $results = Set-IpipTopology -InputObject $broken @connect -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ManyHostsPartlyApplied*'
        "$failures" | Should -BeLike "*Changed: $($reachable[0].Address), $($reachable[1].Address). Not changed: $($reachable[2].Address)*"
        ($results | Where-Object Changed).HostName | Should -Be $reachable[0].Address, $reachable[1].Address
        ($results | Where-Object HostName -eq $reachable[2].Address).Status | Should -Be 'Failed'
        Compare-IpState $before (Get-IpState $reachable[2].Namespace) | Should -BeNullOrEmpty -Because 'the failed host undid its own steps'
        Get-IpJsonRoute $reachable[0].Namespace | Where-Object dst -eq '10.44.0.0/24' | Should -Not -BeNullOrEmpty
    }

    It 'uses a session the caller already has for the host it is connected to' {
        $session = New-PSSession -HostName $reachable[0].Address -UserName root -KeyFilePath $lab.KeyFile -Options $lab.SshOption -ErrorAction Stop
        try {
            $one = @{ Hosts = @((New-HostTopology $reachable[0]).Hosts) }
            # No -UserName or -KeyFilePath: only the caller's session can reach the host.
            Test-IpipTopology -InputObject $one -Session $session -ErrorAction Stop | Should -BeTrue
            $session.State | Should -Be 'Opened' -Because 'a session the caller gave stays open'
        }
        finally {
            Remove-PSSession $session
        }
    }

    # The same Hosts data as a file (-Path): read with the module's own readers, then converged
    # exactly as Import-PowerShellDataFile (or ConvertFrom-Json -AsHashtable) piped in.
    # Host N gets bridge NAME with 10.NET.N.1/24 and a route to 10.(NET+1).N.0/24 via the next
    # host; each test removes what it added, on every host, whatever happened.
    Context 'from a data file (-Path)' {
        BeforeAll {
            function Get-FileTopology {
                param([string] $Bridge, [int] $Net)
                foreach ($h in $reachable) {
                    $next = $reachable[$h.N % $reachable.Count]
                    [pscustomobject]@{
                        Host    = $h
                        Bridge  = $Bridge
                        Address = "10.$Net.$($h.N).1"
                        Route   = "10.$($Net + 1).$($h.N).0/24"
                        Gateway = $next.Address
                    }
                }
            }

            # A .psd1 as a person writes it: a Hosts list whose entries name their host.
            function Write-HostsPsd1 {
                param([string] $Path, [object[]] $Wanted)
                $entries = foreach ($w in $Wanted) {
                    "        @{ HostName = '$($w.Host.Address)'; Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = '$($w.Bridge)' }); " +
                    "Addresses = @(@{ Device = '$($w.Bridge)'; Address = '$($w.Address)/24' }); Routes = @(@{ Destination = '$($w.Route)'; Gateway = '$($w.Gateway)'; Device = 'eth0' }) }) }"
                }
                Set-Content -LiteralPath $Path -Value "@{`n    Description = 'a bridge on each host'`n    Hosts = @(`n$($entries -join "`n")`n    )`n}"
            }

            # A .json with Hosts as an object of host name -> topology.
            function Write-HostsJson {
                param([string] $Path, [object[]] $Wanted)
                $hosts = [ordered]@{}
                foreach ($w in $Wanted) {
                    $hosts[$w.Host.Address] = @{ Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = $w.Bridge }); Addresses = @(@{ Device = $w.Bridge; Address = "$($w.Address)/24" }); Routes = @(@{ Destination = $w.Route; Gateway = $w.Gateway; Device = 'eth0' }) }) }
                }
                @{ Hosts = $hosts } | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $Path
            }

            # What the file declares, checked on each host's namespace with ip -d -j.
            function Assert-FileTopology {
                param([object[]] $Wanted)
                foreach ($w in $Wanted) {
                    (Get-IpLink $w.Host.Namespace $w.Bridge).linkinfo.info_kind | Should -Be 'bridge' -Because "host $($w.Host.N) has the file's bridge"
                    (Get-IpJsonAddress $w.Host.Namespace $w.Bridge).local | Should -Be $w.Address
                    $route = Get-IpJsonRoute $w.Host.Namespace | Where-Object dst -eq $w.Route
                    $route.gateway | Should -Be $w.Gateway
                    $route.dev | Should -Be 'eth0'
                }
            }

            # Every host's namespace, as ip -d -j shows it (Get-IpState).
            function Get-HostsState { Get-IpState @($reachable | ForEach-Object Namespace) }

            function Remove-FileTopology {
                param([object[]] $Wanted)
                foreach ($w in $Wanted) {
                    ip -n $w.Host.Namespace route del $w.Route 2>$null
                    ip -n $w.Host.Namespace link del $w.Bridge 2>$null
                }
            }
        }

        It 'converges every host from a .psd1 with Hosts, as Import-PowerShellDataFile piped in does' {
            $wanted = @(Get-FileTopology -Bridge filebr0 -Net 46)
            $file = Join-Path $TestDrive 'hosts.psd1'
            Write-HostsPsd1 $file $wanted
            try {
                $results = Set-IpipTopology -Path $file @connect -ErrorAction Stop
                $results | Should -HaveCount 3
                $results.HostName | Should -Be @($reachable | ForEach-Object Address)
                $results.Status | Should -Be 'Changed', 'Changed', 'Changed'
                Assert-FileTopology $wanted
                Test-IpipTopology -Path $file @connect | Should -BeTrue

                # The same data piped in finds every host already converged, and changes nothing.
                $before = Get-HostsState
                $again = Import-PowerShellDataFile $file | Set-IpipTopology @connect -ErrorAction Stop
                $again.Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
                ($again | Measure-Object ChangeRequests -Sum).Sum | Should -Be 0
                Compare-IpState $before (Get-HostsState) | Should -BeNullOrEmpty
            }
            finally {
                Remove-FileTopology $wanted
            }
        }

        It 'converges a .json with Hosts piped in (ConvertFrom-Json -AsHashtable), which -Path then finds converged' {
            $wanted = @(Get-FileTopology -Bridge jsonbr0 -Net 48)
            $file = Join-Path $TestDrive 'hosts.json'
            Write-HostsJson $file $wanted
            try {
                $results = Get-Content -Raw $file | ConvertFrom-Json -AsHashtable | Set-IpipTopology @connect -ErrorAction Stop
                @($results | Where-Object Status -eq 'Changed') | Should -HaveCount 3
                Assert-FileTopology $wanted

                Test-IpipTopology -Path $file @connect | Should -BeTrue
                $before = Get-HostsState
                # Piped as a file, as Get-ChildItem writes it: its FullName binds -Path.
                $again = Get-Item $file | Set-IpipTopology @connect -ErrorAction Stop
                $again | Should -HaveCount 3
                $again.Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
                ($again | Measure-Object ChangeRequests -Sum).Sum | Should -Be 0
                Compare-IpState $before (Get-HostsState) | Should -BeNullOrEmpty
            }
            finally {
                Remove-FileTopology $wanted
            }
        }

        It 'shows each host''s plan from the file under -WhatIf, the plans the data piped in makes, and changes nothing' {
            $wanted = @(Get-FileTopology -Bridge planbr0 -Net 50)
            $file = Join-Path $TestDrive 'plan-hosts.psd1'
            Write-HostsPsd1 $file $wanted
            try {
                $before = Get-HostsState
                $plans = Set-IpipTopology -Path $file @connect -WhatIf
                $plans | Should -HaveCount 3
                $plans | ForEach-Object { $_ | Should -BeOfType IpipTools.Topology.Hosts.HostPlan }
                $plans.HostName | Should -Be @($reachable | ForEach-Object Address)
                $piped = Import-PowerShellDataFile $file | Set-IpipTopology @connect -WhatIf
                foreach ($plan in $plans) {
                    $plan.IsConverged | Should -BeFalse
                    "$($plan.Steps)" | Should -BeLike '*planbr0*'
                    "$($plan.Steps)" | Should -Be "$(($piped | Where-Object HostName -eq $plan.HostName).Steps)"
                }
                $detailed = Test-IpipTopology -Path $file @connect -Detailed
                ($detailed | ForEach-Object { $_.Steps.Count }) | Should -Be @($plans | ForEach-Object { $_.Steps.Count })
                Test-IpipTopology -Path $file @connect | Should -BeFalse
                Compare-IpState $before (Get-HostsState) | Should -BeNullOrEmpty -Because '-WhatIf changes no host'
            }
            finally {
                Remove-FileTopology $wanted
            }
        }
    }

    # Host N gets bridge NAME with 10.NET.N.1/24; each test removes it from every host, whatever happened.
    Context 'progress, -ThrottleLimit and -AsJob' {
        BeforeAll {
            function New-BridgeTopology {
                param([string] $Bridge, [int] $Net)
                @{ Hosts = @(foreach ($h in $reachable) {
                            @{ HostName = $h.Address; Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = $Bridge }); Addresses = @(@{ Device = $Bridge; Address = "10.$Net.$($h.N).1/24" }) }) }
                        })
                }
            }

            function Remove-Bridge {
                param([string] $Bridge)
                foreach ($h in $reachable) { ip -n $h.Namespace link del $Bridge 2>$null }
            }
        }

        It 'converges the hosts one at a time with -ThrottleLimit 1, writing progress with an estimate of the time left' {
            try {
                # In a PowerShell of its own, whose Streams.Progress keeps every record (in this runspace they go to the host).
                $shell = [powershell]::Create()
                $null = $shell.AddCommand('Import-Module').AddArgument((Get-Module IpipTools).Path).AddStatement()
                $null = $shell.AddCommand('Set-IpipTopology').AddParameters(@{ InputObject = (New-BridgeTopology thrbr0 52); ThrottleLimit = 1 } + $connect)
                $results = @($shell.Invoke())
                $shell.Streams.Error | Should -BeNullOrEmpty
                $results.Status | Should -Be 'Changed', 'Changed', 'Changed'
                foreach ($h in $reachable) { (Get-IpJsonAddress $h.Namespace thrbr0).local | Should -Be "10.52.$($h.N).1" }

                # One at a time: each host began applying only after the one before had finished.
                $byStart = @($results | Sort-Object Started)
                for ($i = 1; $i -lt $byStart.Count; $i++) {
                    $byStart[$i].Started | Should -BeGreaterOrEqual ($byStart[$i - 1].Started + $byStart[$i - 1].Duration) -Because "$($byStart[$i].HostName) starts after $($byStart[$i - 1].HostName) is done"
                }

                $records = @($shell.Streams.Progress | Where-Object Activity -eq 'Set-IpipTopology on 3 hosts')
                $shell.Dispose()
                $statuses = $records.StatusDescription
                $statuses | Should -Contain 'Opening sessions: 0 of 3 hosts tried'
                $statuses | Should -Contain 'Planning: 0 of 3 hosts done'
                $statuses | Should -Contain 'Applying: 0 of 3 hosts done'
                # Records come at most every 250 ms, so a host that applies faster may go unreported;
                # a record after some but not all hosts are done carries their share and the time left.
                $partDone = $records | Where-Object StatusDescription -match '^Applying: [12] of 3 hosts done$' | Select-Object -First 1
                $partDone | Should -Not -BeNullOrEmpty -Because 'three hosts applied one at a time take longer than one record interval'
                $done = [int]($partDone.StatusDescription -replace '^Applying: (\d) of.*$', '$1')
                $partDone.PercentComplete | Should -Be ([int][math]::Floor($done * 100 / 3))
                $partDone.SecondsRemaining | Should -BeGreaterThan 0
                ($records | Where-Object RecordType -eq 'Completed').Count | Should -Be 3 -Because 'each phase ends its progress'
            }
            finally {
                Remove-Bridge thrbr0
            }
        }

        It 'runs as a job with -AsJob, whose Receive-Job gives what the command gives' {
            $data = New-BridgeTopology jobbr0 54
            try {
                $job = Set-IpipTopology -InputObject $data @connect -AsJob
                $job | Should -BeOfType System.Management.Automation.Job
                (Get-Job -Id $job.Id).Id | Should -Be $job.Id -Because 'the job is in the session''s job table'
                $job | Wait-Job -Timeout 120 | Should -Not -BeNullOrEmpty
                $job.State | Should -Be 'Completed'
                $changed = @(Receive-Job $job)
                Remove-Job $job
                $changed.HostName | Should -Be @($reachable | ForEach-Object Address)
                $changed.Status | Should -Be 'Changed', 'Changed', 'Changed'
                foreach ($h in $reachable) { (Get-IpJsonAddress $h.Namespace jobbr0).local | Should -Be "10.54.$($h.N).1" }

                # Now converged: the command and its job say the same.
                $direct = @(Set-IpipTopology -InputObject $data @connect -ErrorAction Stop)
                $asJob = @(Set-IpipTopology -InputObject $data @connect -AsJob | Receive-Job -Wait -AutoRemoveJob)
                $asJob | Should -HaveCount 3
                $asJob.HostName | Should -Be $direct.HostName
                $asJob.Status | Should -Be $direct.Status
                $asJob.Status | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
                Test-IpipTopology -InputObject $data @connect -AsJob | Receive-Job -Wait -AutoRemoveJob | Should -BeTrue
            }
            finally {
                Remove-Bridge jobbr0
            }
        }
    }

    It 'plans a mesh node on each host from one list of nodes (Set-IpipMesh -Node -WhatIf)' {
        $nodes = foreach ($h in $reachable) { @{ Block = "10.42.$($h.N).0/24"; Underlay = $h.Address; HostName = $h.Address } }
        $plans = Set-IpipMesh -Node $nodes @connect -RouteMtu 1440 -WhatIf
        $plans | Should -HaveCount 3
        # This kernel has no ipip, so no tunl0: each host's plan says so as a conflict (the guest has it).
        $plans.Conflicts | Should -Not -BeNullOrEmpty
        foreach ($h in $reachable) {
            $plan = $plans | Where-Object HostName -eq $h.Address
            $routes = @($plan.Steps | Where-Object { "$_" -like '*route*' })
            $routes | Should -HaveCount 2 -Because "host $($h.N) routes to the two other blocks"
            foreach ($peer in $reachable | Where-Object N -ne $h.N) {
                "$routes" | Should -BeLike "*10.42.$($peer.N).0/24 via $($peer.Address) dev tunl0*onlink mtu 1440*"
            }
            "$($plan.Conflicts)" | Should -BeLike '*tunl0*'
        }
    }

    It 'changes no host when a node''s plan has conflicts (here: no tunl0 on this kernel)' {
        Set-IpipTopology -InputObject $topology @connect -ErrorAction Stop | Out-Null
        $before = @{}
        foreach ($h in $reachable) { $before[$h.N] = Get-IpState $h.Namespace }
        $nodes = foreach ($h in $reachable) { @{ Block = "10.42.$($h.N).0/24"; Underlay = $h.Address; HostName = $h.Address } }
        $results = Set-IpipMesh -Node $nodes @connect -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 3
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'HostPlanConflict*' }
        "$($failures[0])" | Should -BeLike "*tunl0*No host was changed*"
        $results.Status | Should -Be 'Failed', 'Failed', 'Failed'
        $results.Changed | Should -Be $false, $false, $false
        foreach ($h in $reachable) {
            Compare-IpState $before[$h.N] (Get-IpState $h.Namespace) | Should -BeNullOrEmpty -Because "host $($h.N) is not changed"
        }
    }
}

# Data that cannot name hosts is refused before any session is opened, with what to write instead.
Describe 'Bad input to a topology over many hosts' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $one = @{ Namespaces = @(@{ Name = '' }) }
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'Hosts beside Namespaces'; Data = @{ Hosts = @{ 'h1' = @{ Namespaces = @() } }; Namespaces = @() }; Text = '*both Hosts and Namespaces*' }
        @{ Case = 'a Hosts list entry without HostName'; Data = @{ Hosts = @(@{ Namespaces = @() }) }; Text = '*Hosts`[0`] names no host*' }
        @{ Case = 'a host named twice'; Data = @{ Hosts = @(@{ HostName = 'h1'; Namespaces = @() }, @{ HostName = 'H1'; Namespaces = @() }) }; Text = "*host 'H1' appears twice*" }
        @{ Case = 'Hosts that is a string'; Data = @{ Hosts = 'h1' }; Text = '*neither a hashtable*' }
        @{ Case = 'an empty Hosts'; Data = @{ Hosts = @() }; Text = '*names no host*' }
    ) {
        { Set-IpipTopology -InputObject $Data -ErrorAction Stop } | Should -Throw -ExpectedMessage $Text -ErrorId 'TopologyHostsInvalid*'
        { Test-IpipTopology -InputObject $Data -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsInvalid*'
    }

    It 'refuses -NetNamespace with a topology that names hosts' {
        { Set-IpipTopology -InputObject @{ Hosts = @{ 'h1' = $one } } -NetNamespace x -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsNamespace*'
    }

    It 'refuses -AsJob with a topology that names no hosts, and -Confirm with -AsJob' {
        { Set-IpipTopology -InputObject $one -AsJob -ErrorAction Stop } | Should -Throw -ErrorId 'AsJobWithoutHosts*'
        { Test-IpipTopology -InputObject $one -AsJob -ErrorAction Stop } | Should -Throw -ErrorId 'AsJobWithoutHosts*'
        { Set-IpipTopology -InputObject @{ Hosts = @{ 'h1' = $one } } -AsJob -Confirm -ErrorAction Stop } | Should -Throw -ErrorId 'AsJobConfirm*'
        Get-Job | Should -BeNullOrEmpty -Because 'no job was started'
    }

    It 'refuses -SavePlan with a topology that names hosts' {
        { Set-IpipTopology -InputObject @{ Hosts = @{ 'h1' = $one } } -SavePlan ./plan.json -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsSavePlan*'
    }

    # A file with Hosts (-Path) is the same data: the same refusals, before any session is opened.
    It 'refuses a <Extension> file whose Hosts section <Case>, -NetNamespace and -SavePlan with it' -ForEach @(
        @{ Extension = 'psd1'; Case = 'sits beside Namespaces'; Text = "@{ Hosts = @{ 'h1' = @{ Namespaces = @() } }; Namespaces = @() }"; Message = '*both Hosts and Namespaces*' }
        @{ Extension = 'json'; Case = 'lists an entry without HostName'; Text = '{ "Hosts": [ { "Namespaces": [] } ] }'; Message = '*Hosts`[0`] names no host*' }
    ) {
        $file = Join-Path $TestDrive "bad.$Extension"
        Set-Content -LiteralPath $file -Value $Text
        { Set-IpipTopology -Path $file -ErrorAction Stop } | Should -Throw -ExpectedMessage $Message -ErrorId 'TopologyHostsInvalid*'
        { Test-IpipTopology -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsInvalid*'

        $good = Join-Path $TestDrive "good.$Extension"
        Set-Content -LiteralPath $good -Value ($Extension -eq 'psd1' ? "@{ Hosts = @{ 'h1' = @{ Namespaces = @() } } }" : '{ "Hosts": { "h1": { "Namespaces": [] } } }')
        { Set-IpipTopology -Path $good -NetNamespace x -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsNamespace*'
        { Test-IpipTopology -Path $good -NetNamespace x -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsNamespace*'
        { Set-IpipTopology -Path $good -SavePlan (Join-Path $TestDrive 'plan.json') -ErrorAction Stop } | Should -Throw -ErrorId 'TopologyHostsSavePlan*'
        Join-Path $TestDrive 'plan.json' | Should -Not -Exist
    }

    It 'refuses a mesh node <Case>' -ForEach @(
        @{ Case = 'without a host'; Node = @{ Block = '10.42.1.0/24'; Underlay = '192.0.2.1' }; Text = '*names no host*' }
        @{ Case = 'whose block is no prefix'; Node = @{ Block = '10.42.1.0/99'; Underlay = '192.0.2.1'; HostName = 'h1' }; Text = "*Block '10.42.1.0/99'*" }
        @{ Case = 'whose underlay is no address'; Node = @{ Block = '10.42.1.0/24'; Underlay = 'h1'; HostName = 'h1' }; Text = "*Underlay 'h1'*" }
        @{ Case = 'that is not a hashtable'; Node = 'h1'; Text = '*-Node`[0`] is not a hashtable*' }
    ) {
        { Set-IpipMesh -Node @($Node) -ErrorAction Stop } | Should -Throw -ExpectedMessage $Text -ErrorId 'MeshNodeInvalid*'
    }

    It 'shows host results and host plans as tables that name the host' {
        $result = [IpipTools.Topology.Hosts.HostResult]@{ HostName = 'node-a'; Status = 'Changed'; PlannedSteps = 3; ChangeRequests = 3 }
        $text = $result | Out-String
        $text | Should -Match 'HostName\s+Status\s+Steps\s+ChangeRequests'
        $text | Should -Match 'node-a\s+Changed\s+3\s+3'
    }
}
