# style.gp: the one look of every chart `figtrack plot` writes. Each
# generated script loads this file, so colours, fonts, sizes and terminal
# settings change here, once, for all of them.
#
# A script sets fig_format ('svg', 'png' or 'pdf') before loading this
# file and `set output` after it. Override from the command line with
#   gnuplot -e "fig_format='png'" SCRIPT.gp

if (!exists("fig_format")) fig_format = 'svg'
# A script sets fig_panels, its number of panels (one per kind of span:
# years, half-years, quarters, months, days); the canvas grows with it.
if (!exists("fig_panels")) fig_panels = 1
fig_height = 220 + 380 * fig_panels

# Fonts: the family is a fontconfig name (svg viewers fall back to their own).
fig_font = 'DejaVu Sans,11'
fig_title_font = 'DejaVu Sans,14'
fig_label_font = 'DejaVu Sans,8'

if (fig_format eq 'svg') {
	set terminal svg size 960,fig_height dynamic font fig_font background rgb 'white'
} else {
	if (fig_format eq 'png') {
		set terminal pngcairo size 1440,(fig_height * 3 / 2) font fig_font background rgb 'white'
	} else {
		if (fig_format eq 'pdf') {
			set terminal pdfcairo size 9.6in,(fig_height / 100.0) font fig_font
		} else {
			print 'style.gp: unknown fig_format ', fig_format, ' (want svg, png or pdf)'
			exit status 2
		}
	}
}
set encoding utf8

# Line type 1 is the baseline report; 2..8 the later sources, in order of
# publication. Arrow style N draws a one-sided bound in line type N's colour.
set linetype 1 lc rgb '#c0392b' lw 1.5 dt solid
set linetype 2 lc rgb '#1f5fa8' lw 1.5 dt solid
set linetype 3 lc rgb '#2a9d5c' lw 1.5 dt solid
set linetype 4 lc rgb '#8e44ad' lw 1.5 dt solid
set linetype 5 lc rgb '#d68910' lw 1.5 dt solid
set linetype 6 lc rgb '#16a0a0' lw 1.5 dt solid
set linetype 7 lc rgb '#5d6d7e' lw 1.5 dt solid
set linetype 8 lc rgb '#b0306a' lw 1.5 dt solid
do for [i=1:8] {
	set style arrow i head filled size char 0.9,22 lw 1.5 lt i
}

# Markers: filled for figures, hollow for targets; a circle for the
# baseline report, a square for later sources.
fig_pt_base = 7
fig_pt_base_target = 6
fig_ps_base = 1.5
fig_pt_later = 5
fig_pt_later_target = 4
fig_ps_later = 1.2
# Value labels (the baseline's figures, the latest one) are placed by
# figtrack where they cover no other label and no marker.

set title font fig_title_font
set border 3 lc rgb '#444444'
set tics out nomirror
set grid xtics ytics lc rgb '#dcdcdc' lw 1 dt solid
set key outside below center horizontal Left reverse samplen 1.5 maxcols 3 width 2 height 0.5
set bars small
