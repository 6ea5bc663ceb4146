# Write-Progress from a topology's apply: past a few hundred steps the apply reports how far it
# has come, with an estimate of the time left, and ends its activity; shorter plans write no
# progress at all. The commands run in a PowerShell of their own, whose Streams.Progress holds
# every record written (in the caller's runspace progress goes straight to the host). So does
# Set-IpipMesh with many peers (on a veth end, as Mesh.Tests.ps1 meshes on this kernel). The
# kernel, read with ip -j, says the routes the progress counted are there. Progress over many
# hosts (and -ThrottleLimit, -AsJob) is proven in ManyHosts.Tests.ps1.
Describe 'Progress of a long apply' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        # Runs COMMAND (Set-IpipTopology by default) with these parameters in a PowerShell of
        # its own; returns its output, errors and progress records.
        function Invoke-WithProgress {
            param([hashtable] $Parameters, [string] $Command = 'Set-IpipTopology')
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddArgument((Get-Module IpipTools).Path).AddStatement()
                $null = $shell.AddCommand($Command).AddParameters($Parameters)
                $output = $shell.Invoke()
                [pscustomobject]@{ Output = @($output); Errors = @($shell.Streams.Error); Progress = @($shell.Streams.Progress) }
            }
            finally {
                $shell.Dispose()
            }
        }

        # A bridge with 10.0.0.1/24 and COUNT /32 routes via 10.0.0.2 on it.
        function New-RouteTopology {
            param([string] $Namespace, [int] $Count)
            $routes = foreach ($i in 0..($Count - 1)) { @{ Destination = "10.50.$([math]::Floor($i / 250)).$($i % 250 + 1)/32"; Gateway = '10.0.0.2'; Device = 'pbr0' } }
            @{ Namespaces = @(@{ Name = $Namespace; Bridges = @(@{ Name = 'pbr0' }); Addresses = @(@{ Device = 'pbr0'; Address = '10.0.0.1/24' }); Routes = @($routes) }) }
        }
    }

    BeforeEach {
        $fixture = New-NetNamespaceFixture prog
        $ns = $fixture.Namespace
    }

    AfterEach {
        Remove-NetNamespaceFixture $fixture -Confirm:$false
    }

    It 'writes progress for a topology of 1,000 routes, from none sent to done, and the kernel has every route' {
        $run = Invoke-WithProgress @{ InputObject = (New-RouteTopology $ns 1000) }
        $run.Errors | Should -BeNullOrEmpty
        $run.Output[0].StepsApplied | Should -Be 1003
        @(Get-IpJsonRoute $ns | Where-Object dst -like '10.50.*').Count | Should -Be 1000

        $records = @($run.Progress | Where-Object Activity -eq "Applying the plan to namespace '$ns'")
        $records.Count | Should -BeGreaterOrEqual 2
        $records[0].StatusDescription | Should -Be '0 of 1003 steps sent'
        $records[0].PercentComplete | Should -Be 0
        $records[0].RecordType | Should -Be 'Processing'
        $records[-1].RecordType | Should -Be 'Completed' -Because 'the activity ends, so the progress bar goes away'
        # At most a few records a second: the fast path is not slowed by reporting every step.
        $records.Count | Should -BeLessOrEqual (2 + [math]::Ceiling($run.Output[0].Duration.TotalSeconds * 4))
        foreach ($record in $records | Where-Object RecordType -eq 'Processing' | Select-Object -Skip 1) {
            $record.StatusDescription | Should -Match '^\d+ of 1003 steps sent$'
            $record.SecondsRemaining | Should -BeGreaterOrEqual 0 -Because 'once steps are sent, the time left is estimated'
        }
    }

    It 'writes the same for Set-IpipTopology -Plan, and none for a plan of a few steps' {
        $plan = Set-IpipTopology -InputObject (New-RouteTopology $ns 300) -WhatIf
        $run = Invoke-WithProgress @{ Plan = $plan; Confirm = $false }
        $run.Errors | Should -BeNullOrEmpty
        @(Get-IpJsonRoute $ns | Where-Object dst -like '10.50.*').Count | Should -Be 300
        $records = @($run.Progress | Where-Object Activity -like 'Applying the plan*')
        $records[0].StatusDescription | Should -Be '0 of 303 steps sent'
        $records[-1].RecordType | Should -Be 'Completed'

        $short = Invoke-WithProgress @{ InputObject = (New-RouteTopology $ns 310) }
        $short.Output[0].StepsApplied | Should -Be 10
        $short.Progress | Should -BeNullOrEmpty -Because 'ten steps apply in a blink: a progress bar would only flash'
    }

    It 'writes progress for Set-IpipMesh with 300 peers, and the kernel has a route to each' {
        $fixture | New-VethPair m0 m1 -Up | Out-Null
        $peers = @{}
        foreach ($i in 1..300) { $peers["10.60.$([math]::Floor($i / 250)).$($i % 250)/32"] = "172.16.$([math]::Floor($i / 250)).$($i % 250 + 1)" }
        $run = Invoke-WithProgress -Command Set-IpipMesh @{ Address = '10.42.1.0'; Peer = $peers; Device = 'm0'; NetNamespace = $ns }
        $run.Errors | Should -BeNullOrEmpty
        $routes = @(Get-IpJsonRoute $ns | Where-Object dst -like '10.60.*')
        $routes | Should -HaveCount 300
        @($routes | Where-Object { $_.dev -eq 'm0' -and $_.flags -contains 'onlink' }) | Should -HaveCount 300

        $records = @($run.Progress | Where-Object Activity -eq "Applying the plan to namespace '$ns'")
        $records[0].StatusDescription | Should -Match '^0 of 30\d steps sent$'
        $records[-1].RecordType | Should -Be 'Completed'
    }
}
