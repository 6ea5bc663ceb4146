# An interactive pwsh, as a person uses one: started on a pseudo-terminal (python's pty
# module, pty-session.py) with lines typed at its prompts. It shows what only the console
# host does: the prompt, and the runspaces Enter-NetNamespace pushes onto it.

<#
.SYNOPSIS
    Starts this pwsh (the same executable and pwsh.dll) interactively, with IpipTools
    imported as the suite imported it, types each of -Line at a prompt, and returns the screen's
    text (escape sequences removed) and the exit code.
#>
function Invoke-InteractivePwsh {
    param(
        [Parameter(Mandatory)] [string[]] $Line,
        [int] $TimeoutSeconds = 120
    )
    # The module the suite imported (Common.ps1).
    $manifest = $env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../../IpipTools.psd1')
    $pwsh = @([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') {
        $pwsh += [System.Reflection.Assembly]::GetEntryAssembly().Location
    }
    $typed = @("Import-Module '$((Resolve-Path $manifest).Path)'") + $Line
    # PSReadLine keeps what is typed in a history file under XDG_DATA_HOME: a scratch one here.
    $data = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('ipt-pty-' + [guid]::NewGuid().ToString('N')))
    $saved = $env:XDG_DATA_HOME
    try {
        $env:XDG_DATA_HOME = $data.FullName
        $screen = $typed | python3 (Join-Path $PSScriptRoot 'pty-session.py') $TimeoutSeconds @pwsh -NoLogo -NoProfile
        [pscustomobject]@{ Screen = ($screen -join "`n"); ExitCode = $LASTEXITCODE }
    }
    finally {
        $env:XDG_DATA_HOME = $saved
        Remove-Item -LiteralPath $data.FullName -Recurse -Force
    }
}
