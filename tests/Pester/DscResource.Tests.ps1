# The DSC v3 resource IpipTools/Topology, called as a DSC engine calls a command resource
# (no engine can be installed here): the manifest's own executable and arguments, started in
# the manifest's folder (the module folder), the instance as one JSON object on stdin, JSON
# lines read back from stdout and stderr, and the exit code. Effects are checked with ip.
#
# Dsc/resource-manifest.v3.schema.json and Dsc/config-document.v3.schema.json are the
# published DSC v3 schemas for a resource manifest and a configuration document, copied
# unchanged from the PowerShell/DSC repository (schemas/v3/bundled/, MIT licence,
# Copyright (c) Microsoft Corporation), as test data to validate against.

BeforeDiscovery {
    $script:OperationsOfManifest = @('get', 'test', 'set', 'whatIf', 'delete', 'export') | ForEach-Object { @{ Operation = $_ } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The module folder: where the build puts the manifest beside the module it runs.
    $script:ModuleFolder = Split-Path (Get-Command Get-IpipTopology).DLL
    $script:ManifestPath = Join-Path $ModuleFolder 'IpipTools.Topology.dsc.resource.json'
    $script:Manifest = Get-Content -Raw $ManifestPath | ConvertFrom-Json -AsHashtable

    # The engine finds the manifest's executable on PATH. The pinned pwsh of these tests is a
    # dotnet tool, not on PATH, so a `pwsh` that starts this same PowerShell goes first on
    # the children's PATH; the command line after it is the manifest's, unchanged.
    $script:ChildPath = $env:PATH
    if (-not (Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue)) {
        $shims = New-PwshShim (Join-Path $TestDrive 'bin')
        $script:ChildPath = "$shims$([IO.Path]::PathSeparator)$env:PATH"
    }

    # The engine validates every state a resource returns against the instance schema the
    # manifest embeds. Its canonical properties (_exist, ...) are references to DSC's own
    # schemas, which the published manifest schema bundles: they are put in from there, so
    # that the check needs no network.
    $bundled = (Get-Content -Raw (Join-Path $PSScriptRoot 'Dsc/resource-manifest.v3.schema.json') | ConvertFrom-Json -AsHashtable)['$defs']
    $instanceSchema = $Manifest.schema.embedded | ConvertTo-Json -Depth 32 | ConvertFrom-Json -AsHashtable
    foreach ($property in @($instanceSchema.properties.Keys)) {
        $reference = $instanceSchema.properties[$property]['$ref']
        if ($reference) {
            $file = $reference -replace '^.*/resource/properties/', ''
            $definition = $bundled.Keys | Where-Object { $_ -like "*/v3/resource/properties/$file" } | Select-Object -First 1
            if (-not $definition) { throw "the bundled manifest schema has no definition for $reference" }
            $instanceSchema.properties[$property] = $bundled[$definition]
        }
    }
    $script:InstanceSchemaJson = $instanceSchema | ConvertTo-Json -Depth 32

    function Assert-ValidInstance {
        param([Parameter(Mandatory)] [System.Collections.IDictionary] $State)
        $json = $State | ConvertTo-Json -Depth 32 -Compress
        Test-Json -Json $json -Schema $InstanceSchemaJson -ErrorAction SilentlyContinue -ErrorVariable problems |
            Should -BeTrue -Because "the engine validates what the resource returns ($($problems -join '; ')): $json"
    }

    # Runs the manifest's command for an operation (get, test, set, whatIf, delete, export)
    # with $Json on stdin: exit code, stdout's lines parsed as JSON, stderr's lines parsed.
    function Invoke-DscOperation {
        param([Parameter(Mandatory)] [string] $Operation, [string] $Json = '')
        $command = $Manifest[$Operation]
        $start = [System.Diagnostics.ProcessStartInfo]::new($command.executable)
        foreach ($argument in $command.args) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $ModuleFolder
        $start.Environment['PATH'] = $ChildPath
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.StandardInput.Write($Json)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        $lines = @($stdout -split "`n" | Where-Object { $_.Trim() })
        $errors = @($stderr.Result -split "`n" | Where-Object { $_.Trim() })
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Text     = $stdout
            Lines    = @($lines | ForEach-Object { , ($_ | ConvertFrom-Json -AsHashtable -NoEnumerate) })
            Errors   = @($errors | ForEach-Object { $_ | ConvertFrom-Json -AsHashtable })
        }
    }
}

Describe 'The IpipTools/Topology manifest' {
    It 'is published in the module folder with the script it runs' {
        $ManifestPath | Should -Exist
        foreach ($operation in 'get', 'test', 'set', 'whatIf', 'delete', 'export') {
            $file = $Manifest[$operation].args[$Manifest[$operation].args.IndexOf('-File') + 1]
            Join-Path $ModuleFolder $file | Should -Exist
        }
    }

    It 'has the fields the published schema requires, and is valid against that schema' {
        foreach ($field in '$schema', 'type', 'version') { $Manifest[$field] | Should -Not -BeNullOrEmpty }
        $Manifest.type | Should -Be 'IpipTools/Topology'
        $Manifest.version | Should -Be (Get-Module IpipTools).Version.ToString(3) -Because 'the resource is the module''s, and versioned with it'
        $schema = Get-Content -Raw (Join-Path $PSScriptRoot 'Dsc/resource-manifest.v3.schema.json')
        $schema | ConvertFrom-Json | ForEach-Object { $_.properties.'$schema'.enum } | Should -Contain $Manifest['$schema']
        Test-Json -Json (Get-Content -Raw $ManifestPath) -Schema $schema | Should -BeTrue
        # The schema can fail: the same manifest with a type the engine would refuse is invalid.
        $broken = Get-Content -Raw $ManifestPath | ConvertFrom-Json -AsHashtable
        $broken.type = 'IpipTools Topology'
        Test-Json -Json ($broken | ConvertTo-Json -Depth 32) -Schema $schema -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'runs <Operation> with pwsh, the instance on stdin' -ForEach $OperationsOfManifest {
        $Manifest[$Operation].executable | Should -Be 'pwsh'
        $Manifest[$Operation].input | Should -Be 'stdin'
        $Manifest[$Operation].args | Should -Contain '-NonInteractive'
    }

    It 'declares that set tests first itself and returns state and diff, as test and whatIf do' {
        $Manifest.set.implementsPretest | Should -BeTrue
        $Manifest.set.handlesExist | Should -BeTrue
        $Manifest.set.return | Should -Be 'stateAndDiff'
        $Manifest.test.return | Should -Be 'stateAndDiff'
        $Manifest.whatIf.return | Should -Be 'stateAndDiff'
        $Manifest.exitCodes.Keys | Should -Be @('0', '1', '2')
    }

    It 'embeds an instance schema that can fail' {
        # What the check in Assert-ValidInstance would say of a property the schema does not know.
        Test-Json -Json '{"namespaces":[],"colour":"red"}' -Schema $InstanceSchemaJson -ErrorAction SilentlyContinue | Should -BeFalse
        Test-Json -Json '{"namespaces":[],"_exist":"yes"}' -Schema $InstanceSchemaJson -ErrorAction SilentlyContinue | Should -BeFalse
        Test-Json -Json '{"namespaces":[{"name":"a"}],"_exist":false}' -Schema $InstanceSchemaJson | Should -BeTrue
    }

    It 'is described by a help topic' {
        Get-Help about_IpipTools_DscResource | Out-String | Should -Match 'IpipTools/Topology'
    }

    It 'embeds an instance schema with the canonical properties' {
        $instance = $Manifest.schema.embedded
        $instance.type | Should -Be 'object'
        $instance.properties.Keys | Should -Contain 'namespaces'
        $instance.properties.Keys | Should -Contain '_exist'
        $instance.properties.Keys | Should -Contain '_inDesiredState'
        $instance.properties.Keys | Should -Contain '_purge'
    }
}

Describe 'The IpipTools/Topology resource converges a topology of veths, a bridge, addresses and routes' {
    BeforeAll {
        $script:A = New-NetNamespaceFixture dsc
        $script:B = New-NetNamespaceFixture dsc
        $script:Names = @($A.Namespace, $B.Namespace)
        $script:Instance = [ordered]@{
            namespaces = @(
                [ordered]@{
                    name      = $A.Namespace
                    veths     = @(@{ name = 'dv0'; peer = 'dv1'; peerNamespace = $B.Namespace; peerMaster = 'dbr0' })
                    addresses = @(@{ device = 'dv0'; address = '10.77.0.1/24' })
                    routes    = @(@{ destination = '10.78.0.0/24'; gateway = '10.77.0.2' })
                }
                # Setting names ignore case, as in every topology source.
                [ordered]@{
                    Name      = $B.Namespace
                    Bridges   = @(@{ Name = 'dbr0' })
                    Addresses = @(@{ Device = 'dbr0'; Address = '10.77.0.2/24' })
                }
            )
        } | ConvertTo-Json -Depth 10 -Compress
    }

    AfterAll {
        try { Remove-NetNamespaceFixture $A -Confirm:$false }
        finally { Remove-NetNamespaceFixture $B -Confirm:$false }
    }

    It 'test finds the namespaces not in the desired state and says what a set would do' {
        $result = Invoke-DscOperation test $Instance
        $result.ExitCode | Should -Be 0
        $result.Lines.Count | Should -Be 2
        $state, $diff = $result.Lines
        Assert-ValidInstance $state
        $state._inDesiredState | Should -BeFalse
        $state._exist | Should -BeFalse
        ($state.changes -join "`n") | Should -Match 'Add Link veth dv0'
        $diff | Should -Be @('namespaces', '_exist')
    }

    It 'whatIf returns the plan and changes nothing' {
        $before = Get-IpState $Names
        $result = Invoke-DscOperation whatIf $Instance
        $result.ExitCode | Should -Be 0
        $result.Lines.Count | Should -Be 2
        ($result.Lines[0].changes -join "`n") | Should -Match 'Add Route 10.78.0.0/24 via 10.77.0.2'
        Assert-ValidInstance $result.Lines[0]
        $result.Lines[0]._exist | Should -BeTrue
        $result.Lines[1] | Should -Contain 'namespaces'
        Compare-IpState $before (Get-IpState $Names) | Should -BeNullOrEmpty
        Get-IpLink $A.Namespace dv0 | Should -BeNullOrEmpty
    }

    It 'set converges: ip sees the veth pair, the bridge, the addresses and the route' {
        $result = Invoke-DscOperation set $Instance
        $result.ExitCode | Should -Be 0
        $result.Errors | Should -BeNullOrEmpty
        $state, $diff = $result.Lines
        Assert-ValidInstance $state
        $state.changeRequests | Should -BeGreaterThan 0
        $state._exist | Should -BeTrue
        $diff | Should -Contain 'namespaces'

        (Get-IpLink $A.Namespace dv0).flags | Should -Contain 'UP'
        (Get-IpLink $B.Namespace dv1).master | Should -Be 'dbr0'
        (Get-IpLink $B.Namespace dbr0).linkinfo.info_kind | Should -Be 'bridge'
        (Get-IpJsonAddress $A.Namespace dv0).local | Should -Be '10.77.0.1'
        (Get-IpJsonAddress $B.Namespace dbr0).local | Should -Be '10.77.0.2'
        $route = Get-IpJsonRoute $A.Namespace | Where-Object dst -eq '10.78.0.0/24'
        $route.gateway | Should -Be '10.77.0.2'
        $route.protocol | Should -Be '73'
        $null = ip netns exec $A.Namespace ping -c 1 -W 2 10.77.0.2
        $LASTEXITCODE | Should -Be 0 -Because 'the far end of the veth pair answers through the bridge'
    }

    It 'a second set sends no change request and leaves the state as it was' {
        $before = Get-IpState $Names
        $result = Invoke-DscOperation set $Instance
        $result.ExitCode | Should -Be 0
        $result.Lines[0].changeRequests | Should -Be 0
        $result.Lines[0].changes | Should -BeNullOrEmpty
        ($result.Text -split "`n")[1].Trim() | Should -Be '[]'
        Compare-IpState $before (Get-IpState $Names) | Should -BeNullOrEmpty
    }

    It 'test and get then find it in the desired state' {
        $test = Invoke-DscOperation test $Instance
        $test.ExitCode | Should -Be 0
        $test.Lines[0]._inDesiredState | Should -BeTrue
        $test.Lines[1].Count | Should -Be 0
        $get = Invoke-DscOperation get $Instance
        $get.ExitCode | Should -Be 0
        $get.Lines.Count | Should -Be 1
        Assert-ValidInstance $get.Lines[0]
        $get.Lines[0]._exist | Should -BeTrue
        $get.Lines[0].namespaces.name | Should -Be $Names
        # A veth pair is written once, from one of its ends.
        $get.Lines[0].namespaces.veths | ForEach-Object { $_.name, $_.peer } | Sort-Object | Should -Be 'dv0', 'dv1'
    }

    It 'export writes an instance that test finds in the desired state and set leaves alone' {
        $filter = @{ namespaces = @(@{ name = $A.Namespace }, @{ name = $B.Namespace }) } | ConvertTo-Json -Depth 5 -Compress
        $export = Invoke-DscOperation export $filter
        $export.ExitCode | Should -Be 0
        $export.Lines.Count | Should -Be 1
        Assert-ValidInstance $export.Lines[0]
        $exported = $export.Lines[0] | ConvertTo-Json -Depth 32 -Compress
        $exported | Should -Match 'dv0'
        (Invoke-DscOperation test $exported).Lines[0]._inDesiredState | Should -BeTrue
        $before = Get-IpState $Names
        (Invoke-DscOperation set $exported).Lines[0].changeRequests | Should -Be 0
        Compare-IpState $before (Get-IpState $Names) | Should -BeNullOrEmpty
    }

    It 'repairs drift: an address removed behind its back is found by test and put back by set' {
        ip -n $B.Namespace addr del 10.77.0.2/24 dev dbr0
        $test = Invoke-DscOperation test $Instance
        $test.Lines[0]._inDesiredState | Should -BeFalse
        ($test.Lines[0].changes -join "`n") | Should -Match 'Add Address 10.77.0.2/24'
        (Invoke-DscOperation set $Instance).Lines[0].changeRequests | Should -BeGreaterThan 0
        (Get-IpJsonAddress $B.Namespace dbr0).local | Should -Be '10.77.0.2'
    }

    It '<Operation> refuses <Case> with a JSON error on stderr, exit code <Code>, and changes nothing' -ForEach @(
        @{ Case = 'not JSON'; Json = 'namespaces: none'; Code = 2; Says = 'not JSON' }
        @{ Case = 'an array'; Json = '[]'; Code = 2; Says = 'not a JSON object' }
        @{ Case = 'no input'; Json = ''; Code = 2; Says = 'stdin was empty' }
        @{ Case = 'an unknown setting'; Json = '{"namespaces":[{"name":"NS","veths":[{"name":"x0","peer":"x1","colour":"red"}]}]}'; Code = 2; Says = "'colour' is not a setting" }
        @{ Case = 'a bad address'; Json = '{"namespaces":[{"name":"NS","addresses":[{"device":"dv0","address":"10.77.0.300/24"}]}]}'; Code = 2; Says = '10.77.0.300' }
    ).ForEach({ foreach ($operation in 'set', 'test', 'get') { $_ + @{ Operation = $operation } } }) {
        $before = Get-IpState $Names
        $result = Invoke-DscOperation $Operation ($Json -replace '"NS"', "`"$($A.Namespace)`"")
        $result.ExitCode | Should -Be $Code
        $result.Text | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].error | Should -Match ([regex]::Escape($Says))
        # The help topic the error points at exists.
        foreach ($topic in [regex]::Matches($result.Errors[0].error, 'about_\w+').Value) {
            Get-Help $topic | Out-String | Should -Not -BeNullOrEmpty
        }
        Compare-IpState $before (Get-IpState $Names) | Should -BeNullOrEmpty
    }

    It 'a set the kernel refuses fails with exit code 1, the kernel''s reason on stderr, and is rolled back' {
        # A new address the planner adds first, then a route through a gateway no link reaches,
        # which only the kernel refuses (ENETUNREACH): the address must be taken back.
        $refused = $Instance | ConvertFrom-Json -AsHashtable
        $refused.namespaces[0].addresses += @{ device = 'dv0'; address = '10.79.0.1/24' }
        $refused.namespaces[0].routes += @{ destination = '10.80.0.0/24'; gateway = '10.81.0.1' }
        $before = Get-IpState $Names
        $result = Invoke-DscOperation set ($refused | ConvertTo-Json -Depth 10 -Compress)
        $result.ExitCode | Should -Be 1
        $result.Text | Should -BeNullOrEmpty
        $result.Errors[0].error | Should -Match '10.80.0.0/24'
        Compare-IpState $before (Get-IpState $Names) | Should -BeNullOrEmpty
    }

    It 'delete removes what IpipTools made and keeps the namespaces; _exist false is then in the desired state' {
        $result = Invoke-DscOperation delete $Instance
        $result.ExitCode | Should -Be 0
        $result.Text | Should -BeNullOrEmpty
        Get-IpLink $A.Namespace dv0 | Should -BeNullOrEmpty
        Get-IpLink $B.Namespace dbr0 | Should -BeNullOrEmpty
        (Get-NetNamespace).Name | Should -Contain $A.Namespace
        $absent = $Instance | ConvertFrom-Json -AsHashtable
        $absent['_exist'] = $false
        $test = Invoke-DscOperation test ($absent | ConvertTo-Json -Depth 10 -Compress)
        $test.Lines[0]._inDesiredState | Should -BeTrue
        $test.Lines[0]._exist | Should -BeFalse
        ($test.Text -split "`n")[1].Trim() | Should -Be '[]' -Because 'nothing differs when the instance is in the desired state'
        (Invoke-DscOperation get $Instance).Lines[0]._exist | Should -BeFalse
    }
}

Describe 'The S6 DSC configuration document' {
    BeforeAll {
        $script:DocumentPath = Join-Path $PSScriptRoot '../../examples/S6-calico-mesh.dsc.config.json'
        $script:Document = Get-Content -Raw $DocumentPath | ConvertFrom-Json -AsHashtable
    }

    It 'is a valid DSC v3 configuration document with one IpipTools/Topology instance' {
        $schema = Get-Content -Raw (Join-Path $PSScriptRoot 'Dsc/config-document.v3.schema.json')
        Test-Json -Json (Get-Content -Raw $DocumentPath) -Schema $schema | Should -BeTrue
        $Document.resources.Count | Should -Be 1
        $Document.resources[0].type | Should -Be 'IpipTools/Topology'
    }

    It 'declares the same topology as S6-calico-mesh.psd1' {
        $fromDocument = $Document.resources[0].properties | ConvertTo-Json -Depth 20 | ConvertFrom-Json -AsHashtable
        $fromDataFile = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../examples/S6-calico-mesh.psd1')
        # Both read through the topology reader give the same plan for an empty namespace set.
        $fromDocument.namespaces.Count | Should -Be $fromDataFile.Namespaces.Count
        ($fromDocument.namespaces.name -join ',') | Should -Be ($fromDataFile.Namespaces.Name -join ',')
        ($fromDocument.namespaces.routes.destination -join ',') | Should -Be ($fromDataFile.Namespaces.Routes.Destination -join ',')
        ($fromDocument.namespaces.addresses.address -join ',') | Should -Be ($fromDataFile.Namespaces.Addresses.Address -join ',')
    }

    It 'feeds its instance to the resource''s test operation, which answers as the engine expects' {
        $instance = $Document.resources[0].properties | ConvertTo-Json -Depth 20 -Compress
        $absent = @($Document.resources[0].properties.namespaces.name | Where-Object { $_ -notin (Get-NetNamespace).Name })
        $result = Invoke-DscOperation test $instance
        $result.ExitCode | Should -Be 0
        $result.Lines.Count | Should -Be 2
        $result.Lines[0].Keys | Should -Contain '_inDesiredState'
        $result.Lines[0].changes | Should -Not -BeNullOrEmpty
        ($result.Text -split "`n")[1].Trim() | Should -Match '^\[.*\]$'
        foreach ($name in $absent) { (Get-NetNamespace).Name | Should -Not -Contain $name -Because 'test only reads' }
    }
}

# The configuration document's instance, converged by the resource in the qemu guest (S6
# needs tunl0, the ipip driver's device): ping crosses the mesh, a second set sends nothing.
Describe 'The S6 DSC configuration document, converged by the resource' -Tag Tunnel {
    BeforeAll {
        # The document names fixed namespaces; each gets a unique name here.
        $text = Get-Content -Raw (Join-Path $PSScriptRoot '../../examples/S6-calico-mesh.dsc.config.json')
        $script:Renamed = @{}
        foreach ($name in 'underlay', 'node-a', 'node-b', 'node-c') {
            $Renamed[$name] = New-NamespaceName dsc6
            $text = $text.Replace("`"$name`"", "`"$($Renamed[$name])`"")
        }
        $script:Instance = ($text | ConvertFrom-Json -AsHashtable).resources[0].properties | ConvertTo-Json -Depth 20 -Compress
    }

    AfterAll {
        $Renamed.Values | Remove-NamespaceIfPresent
    }

    It 'set converges the mesh: from A, ping reaches B''s and C''s bridges through tunl0' {
        $result = Invoke-DscOperation set $Instance
        $result.Errors | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
        $result.Lines[0].changeRequests | Should -BeGreaterThan 0
        (Get-IpJsonAddress $Renamed['node-a'] tunl0).local | Should -Be '10.42.1.0'
        Test-Ping $Renamed['node-a'] 10.42.2.1 | Should -BeTrue
        Test-Ping $Renamed['node-a'] 10.42.3.1 | Should -BeTrue
    }

    It 'a second set sends no change request, and test finds it in the desired state' {
        $names = @($Renamed.Values)
        $before = Get-IpState $names
        $second = Invoke-DscOperation set $Instance
        $second.ExitCode | Should -Be 0
        $second.Lines[0].changeRequests | Should -Be 0
        Compare-IpState $before (Get-IpState $names) | Should -BeNullOrEmpty
        (Invoke-DscOperation test $Instance).Lines[0]._inDesiredState | Should -BeTrue
    }
}
