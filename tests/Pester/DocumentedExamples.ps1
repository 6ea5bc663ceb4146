# The documentation's examples, and a way to run one for real. Dot-sourced by
# Examples.Tests.ps1 (after Common.ps1 has imported the module, whose help this reads).
#
# An example is what a reader would paste into pwsh:
#   - each ```powershell block of README.md;
#   - each indented block of each about_IpipTools* topic, as Get-Help shows it;
#   - each example of each cmdlet, as Get-Help NAME -Examples shows it.

# The namespace names the documentation uses. A run gives each a unique throwaway name
# (PREFIX-ns1, ...) so that examples never meet another run's namespaces or the host's.
$script:DocumentedNamespaces = @('ns1', 'ns2', 'nodeA', 'node-a', 'node-b', 'node-c', 'router', 'underlay', 'lab1', 'lab')

# The host names and the SSH key the documentation's many-hosts examples use. With -SshLab,
# they become the lab's hosts (Helpers/SshHosts.ps1), in this order, and the lab's key.
$script:DocumentedHosts = @('node-a', 'node-b', 'node-c')
$script:DocumentedKeyFile = '~/.ssh/id_ed25519'

function Get-DocumentedExample {
    param([string] $Root = (Join-Path $PSScriptRoot '../..'))

    $readme = Get-Content -Raw (Join-Path $Root 'README.md')
    foreach ($block in [regex]::Matches($readme, '```powershell\s*\n(.*?)```', 'Singleline')) {
        $code = $block.Groups[1].Value.TrimEnd()
        [pscustomobject]@{ Id = "README.md: $(($code -split "`n")[0].Trim())"; Code = $code }
    }

    # about_ topics are plain text: an example is a run of lines indented by eight spaces or
    # more that follows a blank line (continuation lines of a table follow text directly),
    # each line indented at least as deep as the first (an example inside a list item is
    # indented deeper). Every topic the module ships (en-US/about_*.help.txt), as Get-Help
    # shows it.
    $topics = Get-ChildItem (Join-Path (Split-Path (Get-Module IpipTools).Path) 'en-US') -Filter 'about_*.help.txt' |
        ForEach-Object { $_.Name -replace '\.help\.txt$' } | Sort-Object
    foreach ($topic in $topics) {
        $about = (Get-Help $topic) -split '\r?\n'
        for ($i = 1; $i -lt $about.Count; $i++) {
            if ($about[$i] -match '^( {8,})\S' -and $about[$i - 1].Trim() -eq '') {
                $indent = $Matches[1].Length
                $lines = while ($i -lt $about.Count -and $about[$i] -match "^ {$indent}") { $about[$i].Substring($indent); $i++ }
                $lines = @($lines)
                [pscustomobject]@{ Id = "${topic}: $($lines[0].Trim())"; Code = ($lines -join "`n") }
            }
        }
    }

    foreach ($command in Get-Command -Module IpipTools | Sort-Object Name) {
        foreach ($example in (Get-Help $command.Name -Examples).examples.example) {
            $number = [regex]::Match($example.title, 'Example \d+').Value
            [pscustomobject]@{ Id = "Get-Help $($command.Name) -Examples: $number"; Code = $example.code.Trim() }
        }
    }
}

<#
.SYNOPSIS
    Runs one example in a fresh runspace and returns every error record it produced.
.DESCRIPTION
    The runspace imports the module from the repository's top-level manifest and enters
    PREFIX-default with Enter-NetNamespace, so what the example does without -NetNamespace
    happens in a throwaway namespace. The documentation's namespace names become
    PREFIX-NAME; those in -Given exist before the example starts (the others are the
    example's to make). -Story names other examples (their code) to run first, unchanged
    but for the names, for an example that continues one (S1 built, then ...); -Setup is
    more PowerShell run first. Errors in either count.

    The example runs in a scratch folder that shows the repository's examples/ and module
    (so ./examples/S6-calico-mesh.psd1 and ./IpipTools.psd1 resolve and ./plan.json lands
    in the scratch folder). With -WhatIf it runs under $WhatIfPreference: every cmdlet that
    changes something only says what it would do, and still binds its parameters and any
    pipeline input. Without it, $ConfirmPreference is None: the answer a reader gives to
    the confirmation a removal asks for. Its output goes through Out-String, as a console
    would format it. An example that is a Pester snippet (BeforeAll/AfterAll at its top)
    runs as a Pester block: hooks in a Describe, the rest in an It.
    With -SshLab (New-SshHostLab), the example reaches the lab's hosts over SSH as the
    documentation's hosts: node-a, node-b and node-c become the addresses of the lab's first
    three hosts (before any namespace is renamed: here they are hosts), ~/.ssh/id_ed25519 the
    lab's key, and the lab's ssh options (its known hosts, no prompt) are the default of every
    command that opens a session, set in $PSDefaultParameterValues as a user would set them.
    Sessions the example leaves open are closed, and every link the example made on a lab
    host is deleted (with its addresses and routes), whatever happened.
    Every PREFIX-* namespace and the scratch folder are removed afterwards, whatever happened.
#>
function Invoke-DocumentedExample {
    param(
        [Parameter(Mandatory)] [string] $Code,
        [string[]] $Given = @(),
        [string[]] $Story = @(),
        [string] $Setup = '',
        [switch] $WhatIf,
        [object] $SshLab,
        [string] $Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    )

    $prefix = 'ipex' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $names = ($DocumentedNamespaces | Sort-Object Length -Descending | ForEach-Object { [regex]::Escape($_) }) -join '|'
    $rename = { param($text) [regex]::Replace($text, "(?<![\w`$/-])($names)(?![\w.-])", "$prefix-`$1") }
    $labHosts = @($SshLab.Hosts | Where-Object HasSshd)
    if ($SshLab) {
        $toNamespaces = $rename
        $rename = {
            param($text)
            for ($n = 0; $n -lt $DocumentedHosts.Count; $n++) {
                $text = [regex]::Replace($text, "(?<![\w`$/.-])$([regex]::Escape($DocumentedHosts[$n]))(?![\w.-])", $labHosts[$n].Address)
            }
            & $toNamespaces $text.Replace($DocumentedKeyFile, $SshLab.KeyFile)
        }
    }
    # The links each lab host has before the example: any other is the example's.
    $labLinks = @{}
    foreach ($h in $labHosts) { $labLinks[$h.Namespace] = @((ip -n $h.Namespace -j link show | ConvertFrom-Json).ifname) }
    $scratch = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) $prefix)
    foreach ($shown in 'examples', 'IpipTools.psd1', 'out', 'en-US') {
        New-Item -ItemType SymbolicLink -Path (Join-Path $scratch $shown) -Target (Join-Path $Root $shown) | Out-Null
    }
    $shell = [powershell]::Create([initialsessionstate]::CreateDefault2())
    $errors = [System.Collections.Generic.List[object]]::new()
    $invoke = {
        param($script)
        if ($errors.Count) { return }
        $shell.Commands.Clear()
        [void]$shell.AddScript($script).AddCommand('Out-String')
        try {
            [void]$shell.Invoke()
        }
        catch {
            # A terminating error: the engine's own record is inside the wrapper.
            $errors.Add($_.Exception.InnerException.ErrorRecord ?? $_)
        }
        # A native program's standard error (Invoke-NetNamespaceCommand passes it on as records
        # like pwsh's own NativeCommandError, e.g. tcpdump's "listening on ...") is its output,
        # not a failure: its exit code decides that, as NativeCommandFailed.
        $errors.AddRange(@($shell.Streams.Error | Where-Object FullyQualifiedErrorId -notlike 'NativeCommandError*'))
        $shell.Streams.Error.Clear()
    }
    try {
        New-NetNamespace "$prefix-default" | Out-Null
        foreach ($name in $Given) { New-NetNamespace "$prefix-$name" | Out-Null }
        & $invoke "Set-Location -LiteralPath '$scratch'; Import-Module ./IpipTools.psd1 -ErrorAction Stop; Enter-NetNamespace '$prefix-default'; `$ConfirmPreference = 'None'"
        if ($SshLab) {
            $shell.Runspace.SessionStateProxy.SetVariable('labSshOption', $SshLab.SshOption)
            $shell.Runspace.SessionStateProxy.SetVariable('labKeyFile', $SshLab.KeyFile)
            & $invoke (@(
                    foreach ($command in 'Set-IpipTopology', 'Test-IpipTopology', 'Set-IpipMesh') { "`$PSDefaultParameterValues['${command}:SshOption'] = `$labSshOption" }
                    "`$PSDefaultParameterValues['New-PSSession:Options'] = `$labSshOption"
                    "`$PSDefaultParameterValues['New-PSSession:KeyFilePath'] = `$labKeyFile"
                ) -join "`n")
        }
        foreach ($before in $Story) { & $invoke (& $rename $before) }
        if ($Setup) { & $invoke (& $rename $Setup) }
        if ($WhatIf) { & $invoke '$WhatIfPreference = $true' }
        # An example that enters a namespace itself: a session that entered one cannot enter
        # another, so the throwaway default is left first.
        if ($Code -match 'Enter-NetNamespace') { & $invoke 'Exit-NetNamespace' }
        & $invoke (ConvertTo-PesterBlock (& $rename $Code))
    }
    finally {
        if ($SshLab -and $shell.Runspace.RunspaceStateInfo.State -eq 'Opened') {
            $shell.Commands.Clear()
            [void]$shell.AddScript('Get-PSSession | Remove-PSSession').Invoke()
        }
        $shell.Dispose()
        foreach ($h in $labHosts) {
            foreach ($link in @((ip -n $h.Namespace -j link show | ConvertFrom-Json).ifname) | Where-Object { $_ -notin $labLinks[$h.Namespace] }) {
                ip -n $h.Namespace link del $link 2>$null
            }
        }
        Get-NetNamespace "$prefix-*" | Remove-NetNamespace -Confirm:$false
        Remove-Item -LiteralPath $scratch -Recurse -Force
    }
    , $errors.ToArray()
}

# A Pester snippet (BeforeAll/AfterAll at its top level) as a script that runs it with
# Pester: the hooks in a Describe, the other statements in an It, each failure written
# as an error record. Any other code comes back as it is.
function ConvertTo-PesterBlock {
    param([string] $Code)
    $statements = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null).EndBlock.Statements
    $isHook = {
        param($s)
        $s -is [System.Management.Automation.Language.PipelineAst] -and
        $s.PipelineElements[0] -is [System.Management.Automation.Language.CommandAst] -and
        $s.PipelineElements[0].GetCommandName() -in 'BeforeAll', 'AfterAll'
    }
    $hooks = @($statements | Where-Object { & $isHook $_ })
    if (-not $hooks) { return $Code }
    $body = @($statements | Where-Object { -not (& $isHook $_) } | ForEach-Object Extent | ForEach-Object Text) -join "`n"
    $block = "Describe 'example' {`n$(($hooks.Extent.Text) -join "`n")`nIt 'runs' {`n$body`n}`n}"
    # Pester runs only script blocks bound to a file (an unbound one would run in Pester's
    # own session state), so the block goes into a test file in the scratch folder first.
    @"
Import-Module Pester -MinimumVersion 5.7 -ErrorAction Stop
Set-Content -LiteralPath ./Example.Tests.ps1 -Value @'
$block
'@
`$run = Invoke-Pester -Path ./Example.Tests.ps1 -PassThru -Output None
@(`$run.Failed.ErrorRecord) + @(`$run.FailedBlocks.ErrorRecord) + @(`$run.FailedContainers.ErrorRecord) | Where-Object { `$_ } | ForEach-Object {
    # Re-written so that the error keeps its id and says where in the example it happened.
    Write-Error -ErrorId `$_.FullyQualifiedErrorId -Category `$_.CategoryInfo.Category -Message ("{0}``n{1}" -f `$_.Exception.Message, (`$_.InvocationInfo.PositionMessage ?? `$_.ScriptStackTrace))
}
if (`$run.Result -ne 'Passed' -and -not `$run.FailedCount) { Write-Error "Pester: the example's block did not pass (`$(`$run.Result))" }
"@
}

# Every error as PowerShell knows it: the error id (a binding failure reads e.g.
# 'InputObjectNotBound,IpipTools.Links.NewVethPairCommand'), its message, and where in
# the example it happened, the line shown with a marker under it.
function Format-ExampleError {
    param([object[]] $ErrorRecord)
    ($ErrorRecord | ForEach-Object { "[$($_.FullyQualifiedErrorId)] $($_.Exception.Message)`n$($_.InvocationInfo.PositionMessage)" }) -join "`n"
}
