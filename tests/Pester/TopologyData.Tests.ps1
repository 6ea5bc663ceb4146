# Topology data files (.psd1) as the module reads them: with PowerShell's own parser, taking
# only constants from the AST, never running anything. What PowerShell accepts as a literal
# is accepted (0x10, 1kb, [int]5), what would run or read the session is refused with the
# file, line and column, an error in the data names the place of the value, and what
# Get-IpipTopology -AsText writes reads back to the same topology. iproute2 is the oracle
# for what a file converges to; Import-PowerShellDataFile for what a file holds.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # Writes a data file into TestDrive and returns its path.
    function New-DataFile {
        param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Text)
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text -NoNewline
        $path
    }

    # The error Test-IpipTopology reports for a data file (it must report one).
    function Get-DataError {
        param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Namespace)
        $failure = $null
        try { Test-IpipTopology -Path $Path -NetNamespace $Namespace -ErrorAction Stop | Out-Null } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because "$(Split-Path $Path -Leaf) must be refused"
        $failure
    }

    # Data as canonical JSON (keys sorted at every level), to compare what two readers made of it.
    function ConvertTo-CanonicalJson {
        param($Value)
        function Sort-Data($v) {
            if ($v -is [System.Collections.IDictionary]) {
                $sorted = [ordered]@{}
                foreach ($key in $v.Keys | Sort-Object) { $sorted[$key] = Sort-Data $v[$key] }
                return $sorted
            }
            if ($v -is [System.Collections.IEnumerable] -and $v -isnot [string]) {
                return , @(foreach ($item in $v) { Sort-Data $item })
            }
            $v
        }
        Sort-Data $Value | ConvertTo-Json -Depth 30 -Compress
    }
}

Describe 'A .psd1 topology is read by PowerShell''s parser' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture tdat
        $script:Ns = $Fixture.Namespace
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'accepts PowerShell''s literals (0x5aa, [int]''1400'', 1kb, 0x10, 10L, escapes, here-strings, comma lists in @()) and converges to their values' {
        # Lines, not a here-string: the file holds a here-string of its own.
        $file = New-DataFile literals.psd1 (@(
                '# Every value below is written as PowerShell would write it.'
                '@{'
                '    Namespaces = @('
                '        @{'
                "            Name       = ''"
                '            Forwarding = $TRUE'
                '            Veths      = @( @{ Name = "d`u{76}0"; Peer = ''dv1''; Mtu = 0x5aa } )   # dv0, MTU 1450'
                '            Bridges    = @('
                "                @{ Name = @'"
                'dbr0'
                "'@"
                "                   Mtu  = [int]'1400' },"
                "                @{ Name = 'dbr1' }"
                '            )'
                "            Addresses  = @( @{ Device = 'dv0'; Address = '10.77.0.1/24' } )"
                "            Routes     = @( @{ Destination = '10.78.0.0/16'; Gateway = '10.77.0.2'; Mtu = 1kb; Metric = 0x10; Table = 10L } )"
                '        }'
                '    )'
                '}'
            ) -join "`n")
        Set-IpipTopology -Path $file -NetNamespace $Ns -Confirm:$false | Out-Null

        [int](Get-IpLink $Ns dv0).mtu | Should -Be 1450
        [int](Get-IpLink $Ns dbr0).mtu | Should -Be 1400
        (Get-IpLink $Ns dbr1).linkinfo.info_kind | Should -Be 'bridge'
        Get-IpForwardingOracle $Ns | Should -BeTrue
        $route = Get-IpJsonRoute $Ns -Table 10 | Where-Object dst -eq '10.78.0.0/16'
        $route.gateway | Should -Be '10.77.0.2'
        $route.metric | Should -Be 16
        $route.metrics.mtu | Should -Be 1024
        Test-IpipTopology -Path $file -NetNamespace $Ns | Should -BeTrue
    }

    It 'refuses <Case> at line <Line>, column <Column>, running nothing' -ForEach @(
        @{ Case = 'a variable'; Value = '$env:HOME'; Line = 3; Column = 19; Fragment = 'variable $env:HOME is not allowed' }
        @{ Case = 'a command'; Value = 'New-Item -ItemType File -Path $Marker'; Line = 3; Column = 19; Fragment = "'New-Item' is a command" }
        @{ Case = 'a command by the call operator'; Value = '& New-Item -ItemType File -Path $Marker'; Line = 3; Column = 19; Fragment = 'is a command' }
        @{ Case = 'a subexpression in a string'; Value = '"x$(New-Item -ItemType File -Path $Marker)"'; Line = 3; Column = 21; Fragment = 'would expand a variable or run a subexpression' }
        @{ Case = 'a variable in a string'; Value = '"${Marker}"'; Line = 3; Column = 20; Fragment = 'would expand' }
        @{ Case = 'parentheses'; Value = '(New-Item -ItemType File -Path $Marker).Name'; Line = 3; Column = 19; Fragment = 'is an expression' }
        @{ Case = 'arithmetic'; Value = '1 + 2'; Line = 3; Column = 19; Fragment = "'1 + 2' is an expression" }
        @{ Case = 'a cast PowerShell would have to run'; Value = '[string]5'; Line = 3; Column = 19; Fragment = "'[string]5' is an expression PowerShell would have to run" }
        @{ Case = 'a cast to an object'; Value = "[ipaddress]'10.0.0.1'"; Line = 3; Column = 19; Fragment = 'would have to run' }
        @{ Case = 'a script block'; Value = '{ New-Item -ItemType File -Path $Marker }'; Line = 3; Column = 19; Fragment = 'is an expression' }
        @{ Case = 'a method call'; Value = "'a'.ToUpper()"; Line = 3; Column = 19; Fragment = 'is an expression' }
    ) {
        $marker = Join-Path $TestDrive "ran-$([guid]::NewGuid().ToString('N'))"
        $file = New-DataFile refused.psd1 ("@{`n    Namespaces = @(`n        @{ Name = $($Value.Replace('$Marker', "'$marker'")) }`n    )`n}`n")

        $failure = Get-DataError $file $Ns

        $failure.FullyQualifiedErrorId | Should -BeLike 'TopologyFormatError,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike "refused.psd1 line $Line, column $Column*"
        $failure.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Fragment))*"
        Test-Path -LiteralPath $marker | Should -BeFalse -Because 'reading a data file runs nothing in it'
    }

    It 'reports a syntax error as PowerShell''s parser does: <Case>' -ForEach @(
        @{ Case = 'a hashtable never closed'; Text = "@{`n    Namespaces = @()`n"; Line = 1; Column = 3; Fragment = "Missing closing '}'" }
        @{ Case = 'a duplicate key in another letter case'; Text = "@{`n    Namespaces = @()`n    namespaces = @()`n}"; Line = 3; Column = 5; Fragment = "Duplicate keys 'namespaces'" }
        @{ Case = 'a string never closed'; Text = "@{`n    Namespaces = @( @{ Name = 'a }`n}"; Line = 2; Column = 31; Fragment = 'string' }
        @{ Case = 'a second value'; Text = "@{ Namespaces = @() } @{ Namespaces = @() }"; Line = 1; Column = 23; Fragment = "Unexpected token '@{'" }
        @{ Case = 'a block comment never closed'; Text = "@{ Namespaces = @() <# open"; Line = 1; Column = 21; Fragment = 'comment' }
        @{ Case = 'an empty file'; Text = "# nothing but a comment`n"; Line = 1; Column = 1; Fragment = 'the data is empty' }
        @{ Case = 'a param block'; Text = "param(`$Name)`n@{ Namespaces = @() }"; Line = 1; Column = 1; Fragment = 'script, not data' }
    ) {
        $file = New-DataFile syntax.psd1 $Text

        $failure = Get-DataError $file $Ns

        $failure.FullyQualifiedErrorId | Should -BeLike 'TopologyFormatError,*'
        $failure.Exception.Message | Should -BeLike "syntax.psd1 line $Line, column $Column*"
        $failure.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Fragment))*"
    }

    It 'names the line and column of a value that does not fit its key: <Case>' -ForEach @(
        @{ Case = 'an unknown key'; Route = "@{ Destination = '10.9.0.0/16'; Gatway = '10.77.0.2' }"; Column = 58; Fragment = "'Gatway' is not a setting of a route" ; Path = 'Namespaces[0].Routes[1].Gatway' }
        @{ Case = 'a number for a string'; Route = "@{ Destination = '10.9.0.0/16'; Gateway = 0x0a4d0002 }"; Column = 59; Fragment = "'Gateway' must be a string, not the number 172818434"; Path = 'Namespaces[0].Routes[1].Gateway' }
        @{ Case = 'an address that is none'; Route = "@{ Destination = '10.9.0.0/16'; Gateway = '10.77.0.256' }"; Column = 59; Fragment = 'not an IP address'; Path = 'Namespaces[0].Routes[1].Gateway' }
        @{ Case = 'an MTU out of range'; Route = "@{ Destination = '10.9.0.0/16'; Device = 'lo'; Mtu = 64kb }"; Column = 70; Fragment = "'Mtu' is 65536, outside the range 68 to 65520"; Path = 'Namespaces[0].Routes[1].Mtu' }
    ) {
        $file = New-DataFile data.psd1 @"
@{
    Namespaces = @(
        @{
            Routes = @(
                @{ Destination = '10.8.0.0/16'; Device = 'lo' }
                $Route
            )
        }
    )
}
"@
        $failure = Get-DataError $file $Ns

        $failure.FullyQualifiedErrorId | Should -BeLike 'TopologyFormatError,*'
        $failure.Exception.Message | Should -BeLike ([WildcardPattern]::Escape("data.psd1 line 6, column $Column ($Path): ") + "*$([WildcardPattern]::Escape($Fragment))*")
    }
}

Describe 'Get-IpipTopology -AsText reads back to the same topology' {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture tdrt
        $script:Ns = $Fixture.Namespace
        Set-IpipTopology -NetNamespace $Ns -Confirm:$false -InputObject @{
            Namespaces = @(
                @{
                    Name       = ''
                    Forwarding = $true
                    Bridges    = @( @{ Name = 'rbr0'; Mtu = 1400 } )
                    Veths      = @(
                        @{ Name = 'rv0'; Peer = 'rv1' }
                        @{ Name = 'rv2'; Peer = 'rv3'; Mtu = 1450 }
                    )
                    Addresses  = @(
                        @{ Device = 'rbr0'; Address = '10.79.0.1/24' }
                        @{ Device = 'rv2'; Address = '10.79.1.1/24' }
                    )
                    Routes     = @(
                        @{ Destination = '10.80.0.0/16'; Gateway = '10.79.0.2'; Mtu = 1300; Metric = 5 }
                        @{ Destination = '10.81.0.0/16'; Gateway = '192.0.2.9'; Device = 'rv2'; OnLink = $true; Table = 20 }
                    )
                }
            )
        } | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'writes a data file PowerShell reads to the data Get-IpipTopology returns' {
        $file = New-DataFile exported.psd1 (Get-IpipTopology -NetNamespace $Ns -AsText)

        ConvertTo-CanonicalJson (Import-PowerShellDataFile -LiteralPath $file) |
            Should -Be (ConvertTo-CanonicalJson (Get-IpipTopology -NetNamespace $Ns))
    }

    It 'reads back as the state it was written from, and plans what the hashtable plans once the state moves' {
        $file = New-DataFile exported.psd1 (Get-IpipTopology -NetNamespace $Ns -AsText)
        $data = Get-IpipTopology -NetNamespace $Ns

        Test-IpipTopology -Path $file -Prune | Should -BeTrue
        Test-IpipTopology -Path $file -Prune -Detailed | Should -BeNullOrEmpty

        ip -n $Ns route del 10.81.0.0/16 table 20
        ip -n $Ns link set rv2 mtu 1500
        try {
            $fromFile = @(Test-IpipTopology -Path $file -Prune -Detailed | ForEach-Object ToString)
            $fromFile | Should -HaveCount 2
            $fromFile | Should -Be @(Test-IpipTopology -InputObject $data -Prune -Detailed | ForEach-Object ToString)
        }
        finally {
            Set-IpipTopology -Path $file -Confirm:$false | Out-Null
        }

        Test-IpipTopology -Path $file -Prune | Should -BeTrue
        [int](Get-IpLink $Ns rv2).mtu | Should -Be 1450
    }
}

Describe 'Get-IpipTopology -AsText reads back with tunnels' -Tag Tunnel {
    BeforeAll {
        $script:Fixture = New-NetNamespaceFixture tdtu
        $script:Ns = $Fixture.Namespace
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'writes every tunnel setting so that the file tests true on the state it came from' {
        Set-IpipTopology -NetNamespace $Ns -Confirm:$false -InputObject @{
            Namespaces = @(
                @{
                    Name      = ''
                    Tunnels   = @( @{ Name = 'tp0'; Local = '10.82.0.1'; Remote = '10.82.0.2'; Ttl = 32; Tos = 'inherit' } )
                    Addresses = @( @{ Device = 'tp0'; Address = '10.83.0.1'; Peer = '10.83.0.2' } )
                    Routes    = @( @{ Destination = '10.84.0.0/24'; Device = 'tp0'; Mtu = 1440 } )
                }
            )
        } | Out-Null
        $file = New-DataFile tunnels.psd1 (Get-IpipTopology -NetNamespace $Ns -AsText)

        ConvertTo-CanonicalJson (Import-PowerShellDataFile -LiteralPath $file) |
            Should -Be (ConvertTo-CanonicalJson (Get-IpipTopology -NetNamespace $Ns))
        Test-IpipTopology -Path $file -Prune | Should -BeTrue
        ip -n $Ns link set tp0 type ipip ttl 10
        @(Test-IpipTopology -Path $file -Detailed).Reason | Should -Be 'ttl 10 → 32'
        Set-IpipTopology -Path $file -Confirm:$false | Out-Null
        [int](Get-IpLink $Ns tp0).linkinfo.info_data.ttl | Should -Be 32
    }
}

Describe 'The JSON copies of the examples the C# tests read' {
    It '<Name>.json holds the data of examples/<Name>.psd1' -ForEach @(
        @{ Name = 'S1-point-to-point' }
        @{ Name = 'S6-calico-mesh' }
    ) {
        $psd1 = Join-Path $PSScriptRoot "../../examples/$Name.psd1"
        $json = Join-Path $PSScriptRoot "../topologies/$Name.json"

        ConvertTo-CanonicalJson (Get-Content -Raw -LiteralPath $json | ConvertFrom-Json -AsHashtable) |
            Should -Be (ConvertTo-CanonicalJson (Import-PowerShellDataFile -LiteralPath $psd1))
    }
}
