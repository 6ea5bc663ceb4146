# -WhatIf and -Confirm write to the host, not to a stream, so `6>&1` cannot catch "What if:"
# and it would leak into the test output. Invoke-HostCaptured runs a script block in a
# runspace of its own whose host keeps every line it is given: the test asserts on those
# lines, and nothing reaches the console. -Choices answers -Confirm's prompts in turn
# (0 Yes, 1 Yes to All, 2 No, 3 No to All); a prompt with no answer left fails the run.

[NoRunspaceAffinity()]
class CapturingHostUserInterface : System.Management.Automation.Host.PSHostUserInterface {
    [System.Collections.Generic.List[string]] $Lines = [System.Collections.Generic.List[string]]::new()
    [System.Collections.Generic.Queue[int]] $Choices = [System.Collections.Generic.Queue[int]]::new()
    [System.Collections.Generic.List[string]] $Prompts = [System.Collections.Generic.List[string]]::new()

    [System.Management.Automation.Host.PSHostRawUserInterface] get_RawUI() { return $null }
    [string] ReadLine() { throw 'the capturing host reads no input' }
    [securestring] ReadLineAsSecureString() { throw 'the capturing host reads no input' }
    [void] Write([string] $value) { $this.Lines.Add($value) }
    [void] Write([ConsoleColor] $foreground, [ConsoleColor] $background, [string] $value) { $this.Lines.Add($value) }
    [void] WriteLine([string] $value) { $this.Lines.Add($value) }
    [void] WriteErrorLine([string] $value) { $this.Lines.Add($value) }
    [void] WriteDebugLine([string] $value) { }
    [void] WriteVerboseLine([string] $value) { }
    [void] WriteWarningLine([string] $value) { $this.Lines.Add($value) }
    [void] WriteProgress([long] $sourceId, [System.Management.Automation.ProgressRecord] $record) { }
    [System.Collections.Generic.Dictionary[string, psobject]] Prompt([string] $caption, [string] $message,
        [System.Collections.ObjectModel.Collection[System.Management.Automation.Host.FieldDescription]] $descriptions) { throw 'the capturing host reads no input' }
    [pscredential] PromptForCredential([string] $caption, [string] $message, [string] $userName, [string] $targetName) { throw 'the capturing host reads no input' }
    [pscredential] PromptForCredential([string] $caption, [string] $message, [string] $userName, [string] $targetName,
        [System.Management.Automation.PSCredentialTypes] $allowed, [System.Management.Automation.PSCredentialUIOptions] $options) { throw 'the capturing host reads no input' }
    [int] PromptForChoice([string] $caption, [string] $message,
        [System.Collections.ObjectModel.Collection[System.Management.Automation.Host.ChoiceDescription]] $choices, [int] $defaultChoice) {
        if ($this.Choices.Count -eq 0) { throw 'the capturing host has no answer left for: ' + $message }
        $this.Prompts.Add($message)
        return $this.Choices.Dequeue()
    }
}

[NoRunspaceAffinity()]
class CapturingHost : System.Management.Automation.Host.PSHost {
    hidden [CapturingHostUserInterface] $TextUI = [CapturingHostUserInterface]::new()
    hidden [guid] $Id = [guid]::NewGuid()

    [string] get_Name() { return 'CapturingHost' }
    [version] get_Version() { return [version]'1.0' }
    [guid] get_InstanceId() { return $this.Id }
    [System.Management.Automation.Host.PSHostUserInterface] get_UI() { return $this.TextUI }
    [cultureinfo] get_CurrentCulture() { return [cultureinfo]::InvariantCulture }
    [cultureinfo] get_CurrentUICulture() { return [cultureinfo]::InvariantCulture }
    [void] SetShouldExit([int] $exitCode) { }
    [void] EnterNestedPrompt() { throw 'the capturing host has no nested prompt' }
    [void] ExitNestedPrompt() { }
    [void] NotifyBeginApplication() { }
    [void] NotifyEndApplication() { }
}

# Runs SCRIPTBLOCK (as text, with the module imported) in a fresh runspace on a capturing
# host, with VARIABLES set in it. Returns Output (what it wrote), HostLines (what it said to
# the host: "What if: ..."), Prompts (what -Confirm asked) and Errors.
function Invoke-HostCaptured {
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [hashtable] $Variables = @{}, [int[]] $Choices = @())

    $capturingHost = [CapturingHost]::new()
    foreach ($choice in $Choices) { $capturingHost.TextUI.Choices.Enqueue($choice) }
    $runspace = [runspacefactory]::CreateRunspace($capturingHost)
    $runspace.Open()
    try {
        foreach ($name in $Variables.Keys) {
            $runspace.SessionStateProxy.SetVariable($name, $Variables[$name])
        }

        $shell = [powershell]::Create($runspace)
        $null = $shell.AddScript("Import-Module '$((Get-Module IpipTools).Path)'").AddStatement().AddScript($ScriptBlock.ToString())
        $output = $shell.Invoke()
        [pscustomobject]@{
            Output    = @($output)
            HostLines = @($capturingHost.TextUI.Lines)
            Prompts   = @($capturingHost.TextUI.Prompts)
            Errors    = @($shell.Streams.Error)
        }
    }
    finally {
        $runspace.Dispose()
    }
}
