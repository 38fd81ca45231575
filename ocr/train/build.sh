#!/usr/bin/env bash
# Builds assets/tessdata/mrz.traineddata: Tesseract legacy-engine (--oem 0)
# recognition data for the MRZ alphabet A-Z 0-9 <, trained on the public-domain
# OCR-B font with Tesseract's own training tools. Debian's eng model is
# LSTM-only, and LSTM collapses runs of '<'; the legacy classifier reads one
# character per blob and does not (see docs/mrz-training.md).
#
# Usage: bash ocr/train/build.sh [output file]
# Needs: tesseract-ocr (text2image, unicharset_extractor, mftraining,
# cntraining, combine_tessdata), fonts-ocr-b, go.
# REAL_CROPS=DIR (the corpus, ../shared/corpus/mrz-lines) adds a second
# stage trained on the real crops of its tuning half too: a trial, not the
# committed data (docs/mrz-training.md has its figures).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
font=${OCRB_FONT:-/usr/share/fonts/opentype/ocr-b/OCRB.otf}
out=${1:-$root/assets/tessdata/mrz.traineddata}
case $out in /*) ;; *) out=$PWD/$out ;; esac
crops=${REAL_CROPS:-}
case $crops in '' | /*) ;; *) crops=$PWD/$crops ;; esac
if [ -n "$crops" ] && [ ! -d "$crops" ]; then
	echo "build.sh: REAL_CROPS=$crops is no directory of line crops (../shared/corpus/mrz-lines)" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Only OCRB.otf in the font dir: fonts-ocr-b installs several faces that all
# call themselves "OCR B".
mkdir "$work/fonts" "$work/fontconfig"
cp "$font" "$work/fonts/"
(cd "$root" && go run ./ocr/train/gentext -seed 1 -n ${DOCS:-80}) >"$work/train.txt"

cd "$work"
# Each variant is "exposure:degrade". Exposure thickens strokes (>0) like a
# photocopier: real MRZ crops are mostly bold. text2image's degradation
# (speckle, blur, a slight rotation) stands for photos. Clean renders
# (degrade false) read clean synthetic lines better but real crops and
# generated pages worse; docs/mrz-training.md has the trials. VARIANTS and
# DOCS override the recipe for such trials.
for variant in ${VARIANTS:-0:true 1:true 2:true 3:true}; do
	exposure=${variant%:*} degrade=${variant#*:}
	base=mrz.OCRB.exp$((exposure + 2))$([ "$degrade" = true ] && echo 1 || echo 0)
	text2image --text train.txt --outputbase "$base" --font 'OCR B' \
		--fonts_dir "$work/fonts" --fontconfig_tmpdir "$work/fontconfig" \
		--ptsize 12 --exposure "$exposure" --degrade_image="$degrade" \
		--xsize 3000 --ysize 3600 --resolution 300 >/dev/null 2>&1
	tesseract "$base.tif" "$base" box.train >/dev/null 2>&1
done

# train FONT...: the classifier from the .tr files of these fonts, into
# mrz.inttemp, mrz.pffmtable, mrz.normproto, mrz.shapetable, mrz.unicharset.
train() {
	local boxes=() trs=()
	rm -f font_properties
	for font in "$@"; do
		boxes+=(mrz."$font".*.box) trs+=(mrz."$font".*.tr)
		echo "$font 0 0 1 0 0" >>font_properties
	done
	unicharset_extractor --output_unicharset unicharset --norm_mode 1 "${boxes[@]}" >/dev/null 2>&1
	mftraining -F font_properties -U unicharset -O mrz.unicharset "${trs[@]}" >/dev/null 2>&1
	cntraining "${trs[@]}" >/dev/null 2>&1
	for part in inttemp pffmtable normproto shapetable; do
		mv "$part" "mrz.$part"
	done
}

# No dictionary: MRZ text is not words, and the legacy engine must not
# prefer dictionary words over what it sees.
cat >mrz.config <<'CONFIG'
tessedit_ocr_engine_mode 0
load_system_dawg 0
load_freq_dawg 0
load_punc_dawg 0
load_number_dawg 0
load_unambig_dawg 0
load_bigram_dawg 0
load_fixed_length_dawgs 0
tessedit_char_whitelist ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<
CONFIG

# First stage: OCR-B alone.
train OCRB
combine_tessdata mrz. >/dev/null

# Second stage, with REAL_CROPS only: the first stage cuts the tuning
# half's real crops into characters (ocr/train/realboxes), and the
# classifier is trained again on the renders and those crops together, for
# what OCR-B renders lack: other MRZ fonts, bold and blotted glyphs. It
# reads the held-out crops better alone but whole documents hardly so, and
# confuses 5 and S in OCR-B (docs/mrz-training.md): not committed.
if [ -n "$crops" ]; then
	mkdir stage1 && cp mrz.traineddata stage1/
	(cd "$root" && go run ./ocr/train/realboxes -corpus "$crops" -model "$work/stage1/mrz.traineddata" -out "$work")
	for box in mrz.real.*.box; do
		tesseract "${box%.box}.tif" "${box%.box}" box.train >/dev/null 2>&1
	done
	train OCRB real
	rm mrz.traineddata
	combine_tessdata mrz. >/dev/null
fi

mkdir -p "$(dirname "$out")"
cp mrz.traineddata "$out"
echo "wrote $out"
