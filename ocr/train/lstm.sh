#!/usr/bin/env bash
# Trains an LSTM recognizer (Tesseract --oem 1) for the MRZ alphabet
# A-Z 0-9 < from scratch: no --continue_from, no --old_traineddata, only
# synthetic lines. ocr/train/gentext writes MRZ-shaped text, and
# ocr/train/genlines renders it in OCR-B and sans faces with scanner and
# phone degradations, cropped like the corpus's line crops. The trial and
# its figures against the legacy model (build.sh) are in
# docs/mrz-training.md; ocr/train/lstmeval measures it.
#
# Usage: bash ocr/train/lstm.sh [output file]   (default /tmp/mrzlstm.traineddata)
# Needs: tesseract-ocr (tesseract, unicharset_extractor,
# combine_lang_model, lstmtraining), fonts-ocr-b, fonts-dejavu-core, go.
# Downloads nothing. Environment, for trials:
#   DOCS        documents of text (about 2.6 lines each; default 4000)
#   ITERATIONS  training iterations (default 30000)
#   NET         network spec; O1c40 is the 37 characters + Tesseract's 3
#   RATE        learning rate (default 0.002)
#   SEED        seed of the text and the renders (default 2)
#   WORK        keep the work files (lines, checkpoints, log) here; a WORK
#               that already holds rendered lines is trained again on them
#   JOBS        parallel lstm.train conversions (default 2)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/mrzlstm.traineddata}
case $out in /*) ;; *) out=$PWD/$out ;; esac
net=${NET:-[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx128 O1c40]}

if [ -n "${WORK:-}" ]; then
	work=$WORK
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/lines" "$work/script"
rm -rf "$work/checkpoints" && mkdir "$work/checkpoints"

if [ ! -s "$work/train.list" ]; then
	(cd "$root" && go build -o "$work/gentext" ./ocr/train/gentext && go build -o "$work/genlines" ./ocr/train/genlines)
	"$work/gentext" -seed "${SEED:-2}" -n "${DOCS:-4000}" >"$work/train.txt"
	"$work/genlines" -seed "${SEED:-2}" -out "$work/lines" <"$work/train.txt"
	# One .lstmf per multi-page TIFF: each page a line, its box the whole page.
	ls "$work"/lines/*.tif | sed 's/\.tif$//' |
		xargs -P "${JOBS:-2}" -I{} tesseract {}.tif {} --psm 13 lstm.train >/dev/null 2>&1
	ls "$work"/lines/*.lstmf >"$work/train.list"
fi

# The unicharset is the alphabet and nothing else. combine_lang_model wants
# a radical table even with the pass-through recoder (Han only): a comment.
printf '%s\n' ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\< >"$work/alphabet.txt"
unicharset_extractor --output_unicharset "$work/unicharset" --norm_mode 1 "$work/alphabet.txt" >/dev/null 2>&1
echo '# no Han characters in the MRZ alphabet' >"$work/script/radical-stroke.txt"
combine_lang_model --input_unicharset "$work/unicharset" --script_dir "$work/script" \
	--lang mrzlstm --output_dir "$work" --pass_through_recoder >/dev/null 2>&1

# One thread: the machine is shared, and one thread keeps runs repeatable.
OMP_THREAD_LIMIT=1 lstmtraining --traineddata "$work/mrzlstm/mrzlstm.traineddata" \
	--net_spec "$net" --model_output "$work/checkpoints/mrzlstm" \
	--learning_rate "${RATE:-0.002}" --train_listfile "$work/train.list" \
	--max_iterations "${ITERATIONS:-30000}" --debug_interval 0 >"$work/train.log" 2>&1
OMP_THREAD_LIMIT=1 lstmtraining --stop_training --continue_from "$work/checkpoints/mrzlstm_checkpoint" \
	--traineddata "$work/mrzlstm/mrzlstm.traineddata" --model_output "$out" >/dev/null 2>&1
grep -E '^At iteration' "$work/train.log" | tail -1
echo "wrote $out"
