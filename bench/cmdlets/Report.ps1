# Result tables as markdown: a title, rows of cells, and notes under the table.

function New-ResultTable {
    param([string]$Title, [string[]]$Columns)
    [pscustomobject]@{ Title = $Title; Columns = $Columns; Rows = [Collections.Generic.List[object]]::new(); Notes = [Collections.Generic.List[string]]::new() }
}

function Add-ResultRow {
    param($Table, [object[]]$Cells)
    $Table.Rows.Add([string[]]$Cells)
}

function Format-Seconds { param([double]$Seconds) '{0:N3} s' -f $Seconds }
function Format-Millis { param([double]$Milliseconds) '{0:N0} ms' -f $Milliseconds }
function Format-Count { param([double]$Count) '{0:N0}' -f $Count }
function Format-Rate { param([double]$PerSecond) '{0:N0}/s' -f $PerSecond }
function Format-Ratio { param([double]$Ratio) '{0:N2}×' -f $Ratio }

# "met" or "not met" for a figure against its target.
function Format-Target {
    param([double]$Value, [double]$Target, [ValidateSet('AtLeast', 'AtMost')][string]$Kind)
    $met = if ($Kind -eq 'AtLeast') { $Value -ge $Target } else { $Value -le $Target }
    if ($met) { 'met' } else { 'NOT met' }
}

function ConvertTo-Markdown {
    param($Table)
    $text = [Text.StringBuilder]::new()
    $null = $text.AppendLine("## $($Table.Title)").AppendLine()
    if ($Table.Rows.Count) {
        # A pipe inside a cell (the pipelines measured) would end the cell: escape it.
        $null = $text.AppendLine('| ' + (($Table.Columns -replace '\|', '\|') -join ' | ') + ' |')
        $null = $text.AppendLine('|' + (' --- |' * $Table.Columns.Count))
        foreach ($row in $Table.Rows) { $null = $text.AppendLine('| ' + (($row -replace '\|', '\|') -join ' | ') + ' |') }
        $null = $text.AppendLine()
    }
    foreach ($note in $Table.Notes) { $null = $text.AppendLine("- $note") }
    if ($Table.Notes.Count) { $null = $text.AppendLine() }
    $text.ToString()
}
