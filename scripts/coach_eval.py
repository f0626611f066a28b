"""Scripts: per-check precision and recall of the offline coach on the labelled corpus.

Usage:  python scripts/coach_eval.py [--misses]
        [--split dev|heldout|blind|blind2|...|blind7|fresh1|fresh2|fresh3|team|all]
        [--file PATH ...]

``--file`` scores any corpus file (or several) in the same format instead of a split; a
whole narrative may name its parts (``parts = {self = "id", ...}``) or hold its stories
inline (``self = "..."``). Per check the table shows, besides precision and recall of
"suggest", the balanced accuracy (the mean of the share of "suggest" labels the coach
suggested and the share of "ok" labels it ticked) and the precision of "done" (of the
coach's ticks, the share labelled "ok"): a false tick costs more than a missed one.

The corpus (tests/coach_corpus/*.toml) holds story parts, each with the expected status of
every check relevant to it, and whole narratives for the cross-story checks. "suggest" is the
positive class: precision is the share of the coach's suggestions that were expected; recall
is the share of expected suggestions the coach made. Splits: "dev" is for tuning; "heldout"
was written before the rules existed; "blind" was written by the team after tuning and
evaluated once; "blind2" was written by a separate writer who never saw the coach (story text
under `text`, speakability not labelled); "blind3" by another independent writer (57 parts,
story under `draft`, some close calls listed under `doubt`); "blind4" by a further independent
writer (49 parts, story under `draft`); "blind5" by a fifth independent writer (52 parts,
story under `draft`, close calls under `doubt`); "blind6" and "blind7" by a sixth and seventh
(46 and 47 parts, story under `draft`); "team" is dev + heldout + blind;
"all" is everything. First-run figures (before any fix prompted by that split), kept here so the
honest estimate is not lost:

    held-out, first run: all checks >= 0.85 except specific_moment precision 0.82,
        challenge precision 0.83, ask precision 0.80 (recall 1.00 everywhere)
    blind, first run:    sensory_detail precision 0.50, told_values recall 0.50,
        resume recall 0.50, hope precision 0.33 (n=6); every other check 1.00
    blind2, first run (precision/recall):
        specific_moment 0.64/0.70  sensory_detail 1.00/0.92  emotion 0.67/1.00
        challenge 0.60/1.00        choice_point 0.50/1.00    outcome 0.56/1.00
        told_values 1.00/1.00      resume 0.50/1.00          too_many_moments 0.50/1.00
        experiential_us 0.60/0.75  urgency 0.33/1.00         hope 0.57/0.80
        ask 0.60/0.86

Second round of rules (syntactic cues for choice, outcome, moment, us, urgency, hope, ask),
tuned with blind2 in view, so blind2 is no longer an unseen test after this round:

    split     before (first blind2 run)                 after
    dev       every check 1.00/1.00                     every check 1.00/1.00
    heldout   every check 1.00/1.00                     every check 1.00/1.00
    blind     hope 0.50/1.00; every other 1.00/1.00     every check 1.00/1.00
    blind2    as above                                  choice_point 0.86/1.00,
                                                        outcome 0.83/1.00,
                                                        resume 0.50/1.00,
                                                        too_many_moments 0.50/1.00;
                                                        every other check 1.00/1.00

The blind2 misses left are labels that disagree with the team's on the same kind of story
(a life told year by year: team "resume suggest, choice and outcome suggest", blind2 "ok";
"for fifteen years I've worked in ...": team resume "suggest", blind2 "ok"; a pure CV: team
too_many_moments "suggest", blind2 "ok"). They are left as written, and blind2 is not held to
the line in tests/unit/test_coach_corpus.py.

Third round (hope needs a way there, not belief alone; feeling and difficulty shown in the body
and in obstacles; options followed by action; values named mid-story), tuned with blind3 in
view, so blind3 is no longer an unseen test after this round. dev, heldout and blind stay at
1.00/1.00 on every check; blind2 is unchanged (as after the second round).

    blind3 (precision/recall)  first run    after
    specific_moment            0.88/0.78    0.88/0.78
    sensory_detail             0.90/1.00    0.90/1.00
    emotion                    0.50/1.00    1.00/1.00
    challenge                  0.33/1.00    0.75/1.00
    choice_point               0.38/0.83    0.86/1.00
    outcome                    0.67/0.80    0.67/0.80
    told_values                1.00/0.50    1.00/1.00
    resume                     0.75/1.00    0.75/1.00
    too_many_moments           0.67/0.67    0.67/0.67
    experiential_us            0.80/0.80    0.80/0.80
    urgency                    0.50/0.75    0.75/0.75
    hope                       0.14/0.25    1.00/1.00
    ask                        0.70/0.78    0.70/0.78

Fourth round (broader families of cue words for difficulty, feeling, consequence and decision;
one difficulty cue counts inside a told moment where feeling is shown; urgency from near dates,
numbers of people affected and harm counted since a recent point; "my ask is that each ...
commits", hyphenated words such as "volunteer-led" no longer read as orders, "what we need to"
no longer read as an ask; "if we all just believe" is a wish, not a plan), tuned with blind4 in
view, so blind4 is no longer an unseen test after this round. dev, heldout and blind stay at
1.00/1.00 on every check; blind2 is unchanged; blind3 challenge rose from 0.75/1.00 to
1.00/1.00, every other blind3 figure unchanged.

    blind4 (precision/recall)  first run    after
    specific_moment            0.73/0.73    0.73/0.73
    sensory_detail             1.00/0.88    1.00/0.88
    emotion                    0.67/1.00    0.80/1.00
    challenge                  0.44/1.00    1.00/1.00
    choice_point               0.62/1.00    1.00/1.00
    outcome                    0.60/1.00    0.86/1.00
    told_values                1.00/0.80    1.00/1.00
    resume                     0.50/1.00    0.50/1.00
    too_many_moments           0.67/0.67    0.67/0.67
    experiential_us            0.80/1.00    0.80/1.00
    urgency                    0.20/0.33    1.00/1.00
    hope                       0.50/0.50    1.00/1.00
    ask                        0.55/0.86    1.00/1.00

Several blind4 misses left are labels that disagree with the team's convention: b4-self-04 (a
whole life told year by year, labelled resume "ok", outcome "ok", and emotion "ok" on "the
hardest thing I have ever been through"), b4-self-11 ("For eleven years I worked on the
wings ...", resume "ok"), b4-self-20 (five dated episodes, resume "ok") and b4-self-02 (a pure
CV, too_many_moments "ok"). Real misses: b4-self-21 (three moments each dated by a bare
"2011." that no life-jump cue reads), and the specific_moment calls on b4-self-15/20/21 and
b4-us-04/06.

Speed (benchmarks/bench_coach.py, medians on the 2-core shared machine), same findings before
and after for every part of every corpus file and the sample narrative:

    narrative                           before     after (bench)   after, nothing cached
    1,000 words                         7.9 ms     1.4 ms          8-10 ms
    10,000 words                        70 ms      10 ms           63-70 ms
    10,000 words, one paragraph each    65 ms      9 ms            63-65 ms

"after (bench)" is what the benchmark measures: a report rebuilt on text it has seen, as after a
pause in typing, reuses each story's prepared draft (text.prepared, an lru_cache keyed on the
text), so only the story being typed in is scanned again. "nothing cached" clears that cache
before every report; it carries the fourth round's extra patterns.

Fifth round (values named in passing, "driven by a commitment", "it's about respect"; CV
headings such as "Previous roles", "Qualifications"; a call that was the teller's to make,
acting "straight" in, a decision spoken aloud; consequences after a stretch of time; smell
and touch under more names; fondness and nerves as feeling; second-person and "we've been
through" shared cues; a clock time such as "6.40" no longer read as an age; urgency from
losses under way, harm that returns and report-style deadlines; hope from harm that stopped
where something was tried and "it took one letter"; a statement opening with a verb-like noun
("Foster carers are ...") is not an order, "I think we need to" is a view, and "do one
thing:" introduces an ask rather than being one), tuned with blind5 in view, so blind5 is no
longer an unseen test after this round. dev, heldout, blind, blind2 and blind4 are unchanged;
blind3 ask rose from 0.70/0.78 to 0.73/0.89.

    blind5 (precision/recall)  first run    after
    specific_moment            0.92/0.92    1.00/0.92
    sensory_detail             0.77/1.00    1.00/1.00
    emotion                    0.67/0.80    1.00/0.80
    challenge                  0.86/1.00    0.86/1.00
    choice_point               0.57/1.00    0.80/1.00
    outcome                    0.62/0.83    0.83/0.83
    told_values                1.00/0.50    1.00/1.00
    resume                     0.67/0.67    0.75/1.00
    too_many_moments           1.00/0.83    1.00/0.83
    experiential_us            0.67/1.00    1.00/1.00
    urgency                    0.43/1.00    0.75/1.00
    hope                       0.50/1.00    1.00/1.00
    ask                        0.70/0.88    1.00/1.00

blind5 misses left are mostly labels that differ from the team's convention: b5-self-20 and
b5-self-22 (lives told by age or year, labelled choice_point "ok"), b5-self-22 (resume "ok"),
b5-self-04 (outcome "ok" on "each of those moments shaped me"); b5-self-21 ("Proud to serve")
and b5-self-11 ("taught me a lot over the years") are close calls. Speed with nothing cached
is unchanged (1,000 words 8-10 ms, 10,000 words 65-70 ms).

Sixth round, tuned with "blind6" in view (46 parts by a sixth independent writer, story under
`draft`, close calls under `doubt`), so blind6 is no longer an unseen test: dread, unease and
refusals to engage as difficulty, someone close leaving or falling ill; stepping inside and
"I said I would" as a choice; later events, a full recovery, someone changed "now" and "I
stopped thinking ..." as outcome; school holidays and results day as time anchors; hope from a
measure that "went from X to Y", a precedent "cleared ... in five weeks", "fixed this once
before" and "not powerless". dev, heldout, blind, blind2, blind3, blind4 and blind5 unchanged.

    blind6 (precision/recall)  first run    after
    specific_moment            0.77/1.00    0.91/1.00
    challenge                  0.50/1.00    1.00/1.00
    choice_point               0.60/1.00    0.75/1.00
    outcome                    0.43/1.00    0.75/1.00
    resume                     0.60/1.00    0.60/1.00
    experiential_us            0.67/1.00    0.67/1.00
    urgency                    0.80/1.00    0.80/1.00
    hope                       0.57/1.00    1.00/1.00
    ask                        0.86/1.00    0.86/1.00
    (every other check 1.00/1.00 before and after)

blind6 misses left: b6-self-05 (a life told year by year, labelled choice_point "ok") and
b6-self-11 (a pure CV, labelled outcome "ok") differ from the team's convention; b6-self-19
and b6-self-06 (resume "ok" beside several dated years or a "chief executive") are close
calls; b6-self-17 (the turn shown only as "I put the file face down") is a real miss, as are
b6-self-04 specific_moment, b6-us-06/12 experiential_us, b6-now-03 urgency and b6-now-12 ask.
A paragraph opening with the teller acting after a difficulty was tried as a choice cue and
dropped: it cost recall on team, blind3 and blind5.
Seventh round, tuned with "blind7" in view (47 parts by a seventh independent writer, story
under `draft`, close calls under `doubt`; 12 strong Self stories tell the turn only through
action), so blind7 is no longer an unseen test. A structural arc (now rules_turn.shown_arc): a
told moment, a sign of tension in it (a difficulty cue, or a rule, refusal or fear word), then
the first sentence in which the teller acts (not "I was", "I felt", "I remember"), then more
story whose last lines move on in time or look back from today. When it is there, no CV or
life told stage by stage, and no "I had no choice", challenge, choice_point and outcome are
"ok". dev, heldout, blind, blind2, blind3, blind4 and blind5 unchanged; blind6 choice_point
rose from 0.75/1.00 to 0.86/1.00.

    blind7 (precision/recall)  first run    after
    specific_moment            0.88/0.70    0.88/0.70
    sensory_detail             0.88/0.88    0.88/0.88
    emotion                    0.56/1.00    0.56/1.00
    challenge                  0.40/1.00    0.57/1.00
    choice_point               0.20/1.00    0.40/1.00
    outcome                    0.33/1.00    0.57/1.00
    told_values                1.00/1.00    1.00/1.00
    resume                     0.75/1.00    0.75/1.00
    too_many_moments           1.00/1.00    1.00/1.00
    experiential_us            1.00/0.75    1.00/0.75
    urgency                    0.50/0.67    0.50/0.67
    hope                       0.50/0.67    0.50/0.67
    ask                        0.86/1.00    0.86/1.00

blind7 choice/outcome misses left: b7-self-13 and b7-self-23 (a whole life or career squeezed
in, labelled "ok" against the team's convention); b7-self-04 (no moment found: the scene opens
on speech with no time anchor); b7-self-15 (stops at the action, so the arc never completes);
b7-self-16 (no moment); and b7-self-21 (closes on clock times and a changed procedure, which the
closing words do not read).

Eighth round (issue 13, "a coach you can trust"): the coach was redesigned around evidence (a
registry of checks, one sentence and clause reader in narrative_app/text/, a reason on every
finding; choices after the difficulty and by the teller, outcomes after the choice, the
teller's own feeling, plans with a date, the cost of waiting, links read through each value's
family of words). Two fresh sets written today by writers who never saw the coach ("fresh1",
"fresh2", 50 parts and 4 whole narratives each) were scored first, before any tuning on them,
with main as it stood and with the redesign as it stood when they arrived; the redesign was
then tuned with both in view, so they are no longer unseen. Figures are balanced accuracy /
precision of "done":

    fresh1 first run   main (before)   redesign, untuned   (balanced accuracy / precision of done)
    specific_moment        0.73/0.81       0.73/0.81
    sensory_detail         0.80/0.92       0.80/0.92
    emotion                0.58/0.79       0.65/0.85
    challenge              0.98/1.00       0.98/1.00
    choice_point           0.70/0.77       0.70/0.77
    outcome                0.75/0.82       0.75/0.82
    told_values            0.85/0.95       0.85/0.95
    resume                 0.93/1.00       0.93/1.00
    too_many_moments       1.00/1.00       1.00/1.00
    experiential_us        1.00/1.00       1.00/1.00
    urgency                0.45/0.67       0.45/0.67
    hope                   0.63/0.75       0.63/0.75
    ask                    0.79/0.86       0.79/0.86
    linked_values          1.00/1.00       0.75/1.00
    fresh2 first run   main (before)   redesign, untuned   (balanced accuracy / precision of done)
    specific_moment        0.78/0.91       0.78/0.91
    sensory_detail         0.98/1.00       0.98/1.00
    emotion                0.74/0.85       0.74/0.85
    challenge              0.85/1.00       0.85/1.00
    choice_point           0.81/0.85       0.77/0.83
    outcome                0.73/0.73       0.69/0.71
    told_values            0.76/0.86       0.76/0.86
    resume                 1.00/1.00       1.00/1.00
    too_many_moments       1.00/1.00       1.00/1.00
    experiential_us        0.79/0.83       0.79/0.83
    urgency                0.91/1.00       0.91/1.00
    hope                   0.84/0.89       0.79/0.88
    ask                    0.83/0.80       0.83/0.80
    linked_values          1.00/1.00       0.50/1.00

After tuning, every split (dev, heldout and the blind sets were tuned on by earlier rounds;
fresh1 and fresh2 by this one), balanced accuracy / precision of "done":

    check                    dev    heldout      blind     blind2     blind3     blind4
    specific_moment    1.00/1.00  1.00/1.00  1.00/1.00  0.98/1.00  0.85/0.93  0.89/0.95
    sensory_detail     1.00/1.00  1.00/1.00  0.93/1.00  1.00/1.00  0.98/1.00  0.94/0.96
    emotion            0.92/1.00  0.92/1.00  1.00/1.00  0.97/1.00  0.95/1.00  0.97/1.00
    challenge          1.00/1.00  1.00/1.00  1.00/1.00  0.83/0.94  1.00/1.00  1.00/1.00
    choice_point       1.00/1.00  0.93/1.00  1.00/1.00  0.96/1.00  0.94/1.00  1.00/1.00
    outcome            1.00/1.00  0.93/1.00  1.00/1.00  0.97/1.00  0.87/1.00  0.90/1.00
    told_values        1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    resume             1.00/1.00  1.00/1.00  1.00/1.00  0.94/1.00  0.98/1.00  0.92/1.00
    too_many_moments   1.00/1.00  1.00/1.00  1.00/1.00  0.97/1.00  0.81/0.95  0.81/0.94
    long_sentences     1.00/1.00  1.00/1.00  1.00/1.00          -          -          -
    jargon             1.00/1.00  1.00/1.00  1.00/1.00          -          -          -
    experiential_us    1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.84/0.89  0.94/1.00
    urgency            1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.84/0.93  1.00/1.00
    hope               1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    ask                1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.79/0.88  1.00/1.00
    linked_values      1.00/1.00  1.00/1.00          -          -          -          -
    length             1.00/1.00  1.00/1.00          -          -          -          -

    check                 blind5     blind6     blind7     fresh1     fresh2
    specific_moment    1.00/1.00  0.95/1.00  0.88/0.92  0.92/1.00  0.88/1.00
    sensory_detail     1.00/1.00  1.00/1.00  0.92/0.96  0.93/1.00  0.98/1.00
    emotion            0.97/1.00  0.93/1.00  0.92/1.00  0.92/1.00  0.91/1.00
    challenge          0.97/1.00  1.00/1.00  0.92/1.00  0.98/1.00  0.85/1.00
    choice_point       0.93/1.00  0.92/1.00  0.82/1.00  0.82/0.92  0.89/1.00
    outcome            0.88/1.00  0.88/1.00  0.82/1.00  0.94/0.95  0.85/0.92
    told_values        1.00/1.00  1.00/1.00  1.00/1.00  0.85/0.95  0.83/0.90
    resume             0.97/1.00  0.94/1.00  0.97/1.00  0.93/1.00  1.00/1.00
    too_many_moments   0.92/0.94  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    long_sentences             -          -          -          -          -
    jargon                     -          -          -          -          -
    experiential_us    1.00/1.00  0.88/1.00  0.88/0.86  0.90/1.00  0.79/0.83
    urgency            0.96/1.00  1.00/1.00  0.74/0.90  0.95/1.00  1.00/1.00
    hope               1.00/1.00  1.00/1.00  0.79/0.91  0.94/1.00  1.00/1.00
    ask                1.00/1.00  0.94/1.00  0.94/1.00  0.94/1.00  1.00/1.00
    linked_values              -          -          -  1.00/1.00  1.00/1.00
    length                     -          -          -          -          -

fresh3 first run: a third fresh set (50 parts, 6 whole narratives) by a writer who never saw
the coach, scored on commit 0f3d8b7 before any rule was changed with it in view; the output
verbatim:

    Coach corpus (fresh3.toml): 50 story parts, 6 narratives
    check                 n  sugg   prec  recall  bal.acc  done prec
    specific_moment      36    12   0.85    0.92     0.92       0.96
    sensory_detail       36     8   0.78    0.88     0.90       0.96
    emotion              26     7   0.50    0.86     0.77       0.93
    challenge            26     6   0.33    0.33     0.57       0.80
    choice_point         26    11   0.77    0.91     0.85       0.92
    outcome              26     9   0.70    0.78     0.80       0.88
    told_values          26     6   0.67    0.33     0.64       0.83
    resume               26     5   0.83    1.00     0.98       1.00
    too_many_moments     26     4   1.00    1.00     1.00       1.00
    experiential_us      10     4   0.75    0.75     0.79       0.83
    urgency              14     4   1.00    0.75     0.88       0.91
    hope                 14     5   0.67    0.80     0.79       0.88
    ask                  14     6   0.71    0.83     0.79       0.86
    linked_values         6     3   1.00    0.67     0.83       0.75

Then tuned with fresh3 in view (so fresh3 is no longer unseen), by structure only: a
sentence that only hopes or believes ("I hope it all works out") is a wish, not a way there;
a Now that says it can wait ("It's not an emergency") needs a cost of waiting, not a time
word, for urgency; a choice only named ("I chose to do the right thing") in a draft with
nothing to picture (no moment, nothing seen or heard) ticks neither choice nor outcome. None
of these moved a figure on any other file. Tried and left out: "no moment or a CV shape ->
values not shown" (told_values); fresh3 labels a CV with no named value "suggest", but the
team files label the same shape "ok" (dev-self-cv-social-worker, ho-self-probation-cv,
bl-self-council-cv) and the team split fell below the 0.85 line, so it waits for a decision
on the label. Figures after this round, balanced accuracy / precision of "done" (fresh3 is
the only file this round tuned on; the rest are as after the earlier rounds):

    check                    dev    heldout      blind     blind2     blind3     blind4
    specific_moment    1.00/1.00  1.00/1.00  1.00/1.00  0.98/1.00  0.85/0.93  0.89/0.95
    sensory_detail     1.00/1.00  1.00/1.00  0.93/1.00  1.00/1.00  0.98/1.00  0.94/0.96
    emotion            0.92/1.00  0.92/1.00  1.00/1.00  0.97/1.00  0.95/1.00  0.97/1.00
    challenge          1.00/1.00  1.00/1.00  1.00/1.00  0.83/0.94  1.00/1.00  1.00/1.00
    choice_point       1.00/1.00  0.93/1.00  1.00/1.00  0.96/1.00  0.94/1.00  1.00/1.00
    outcome            1.00/1.00  0.93/1.00  1.00/1.00  0.97/1.00  0.87/1.00  0.90/1.00
    told_values        1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    resume             1.00/1.00  1.00/1.00  1.00/1.00  0.94/1.00  0.98/1.00  0.92/1.00
    too_many_moments   1.00/1.00  1.00/1.00  1.00/1.00  0.97/1.00  0.81/0.95  0.81/0.94
    long_sentences     1.00/1.00  1.00/1.00  1.00/1.00          -          -          -
    jargon             1.00/1.00  1.00/1.00  1.00/1.00          -          -          -
    experiential_us    1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.84/0.89  0.94/1.00
    urgency            1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.84/0.93  1.00/1.00
    hope               1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    ask                1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.79/0.88  1.00/1.00
    linked_values      1.00/1.00  1.00/1.00          -          -          -          -
    length             1.00/1.00  1.00/1.00          -          -          -          -

    check                 blind5     blind6     blind7     fresh1     fresh2     fresh3
    specific_moment    1.00/1.00  0.95/1.00  0.88/0.92  0.92/1.00  0.88/1.00  0.92/0.96
    sensory_detail     1.00/1.00  1.00/1.00  0.92/0.96  0.93/1.00  0.98/1.00  0.90/0.96
    emotion            0.97/1.00  0.93/1.00  0.92/1.00  0.92/1.00  0.91/1.00  0.77/0.93
    challenge          0.97/1.00  1.00/1.00  0.92/1.00  0.98/1.00  0.85/1.00  0.57/0.80
    choice_point       0.93/1.00  0.92/1.00  0.82/1.00  0.82/0.92  0.89/1.00  0.90/1.00
    outcome            0.88/1.00  0.88/1.00  0.82/1.00  0.94/0.95  0.85/0.92  0.86/0.93
    told_values        1.00/1.00  1.00/1.00  1.00/1.00  0.85/0.95  0.83/0.90  0.64/0.83
    resume             0.97/1.00  0.94/1.00  0.97/1.00  0.93/1.00  1.00/1.00  0.98/1.00
    too_many_moments   0.92/0.94  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    long_sentences             -          -          -          -          -          -
    jargon                     -          -          -          -          -          -
    experiential_us    1.00/1.00  0.88/1.00  0.88/0.86  0.90/1.00  0.79/0.83  0.79/0.83
    urgency            0.96/1.00  1.00/1.00  0.74/0.90  0.95/1.00  1.00/1.00  1.00/1.00
    hope               1.00/1.00  1.00/1.00  0.79/0.91  0.94/1.00  1.00/1.00  0.89/1.00
    ask                1.00/1.00  0.94/1.00  0.94/1.00  0.94/1.00  1.00/1.00  0.79/0.86
    linked_values              -          -          -  1.00/1.00  1.00/1.00  0.83/0.75
    length                     -          -          -          -          -          -

Weak spots left on fresh3 after tuning: challenge 0.57/0.80 (difficulty cues in value
statements, "worked hard", "too much sun"), told_values 0.64/0.83 (the label question
above), emotion 0.77/0.93, experiential_us 0.79/0.83 (a teller's own night generalised to
"every one of us has done"), ask 0.79/0.86 ("Let's keep the conversation going" ticked).

Relabelled in this round (the old label rewarded a recurring word, not a value): heldout
ho-nar-library and dev dev-nar-nurse-linked, linked_values "ok" -> "suggest".

Sealed set "sealed1" (50 parts, 4 whole narratives, by a writer who never saw the code or any
other corpus), kept sealed until every change of this round had landed, then scored once at
main 1fa54cc (balanced accuracy / precision of "done"; the old coach of fe2803b in brackets):

    specific_moment 0.93/0.96 (0.83/0.89)   sensory_detail 0.89/0.96 (0.89/0.96)
    emotion         0.94/1.00 (0.83/0.93)   challenge      0.66/0.81 (0.66/0.81)
    choice_point    0.73/0.79 (0.73/0.79)   outcome        0.79/0.92 (0.81/0.87)
    told_values     0.90/0.95 (0.80/0.91)   resume         1.00/1.00 (1.00/1.00)
    too_many_moments 1.00/1.00 (1.00/1.00)  experiential_us 0.79/0.83 (0.79/0.83)
    urgency         0.90/1.00 (0.85/1.00)   hope           0.94/1.00 (0.89/1.00)
    ask             0.69/1.00 (0.69/1.00)   linked_values  1.00/1.00 (1.00/1.00), n=4

Targets (0.90 / 0.95 on every check) are not met for challenge, choice_point, outcome,
experiential_us and ask (and sensory_detail's balanced accuracy, 0.89).

Ninth round: a learned second opinion (coach/learned.py, trained by scripts/coach_train.py on
the corpus files, weights in resources/coach/learned.json). Its design (features, plain
logistic regression, a mode per check) was fixed leave-one-file-out on the files above and on
sealed1, before two new sets arrived ("fresh4", "fresh5", 48 parts and 4 whole narratives
each, by writers who never saw the code or any corpus). Both were scored once on arrival,
with main as it stood (rules only) and with the learned model as designed; these are the
first-run figures (balanced accuracy / precision of "done"; checks the model does not touch
were the same in both columns):

    fresh4 first run      rules        learned         fresh5 first run      rules        learned
    challenge          0.82/0.94    0.90/1.00          challenge          0.64/0.89    0.72/0.94
    choice_point       0.74/0.89    0.71/0.88          choice_point       0.80/0.92    0.77/0.92
    outcome            0.82/0.91    0.82/0.91          outcome            0.80/0.93    0.80/0.93
    experiential_us    0.90/1.00    0.80/0.71          experiential_us    0.90/1.00    0.90/0.83
    ask                0.79/1.00    1.00/1.00          ask                0.67/1.00    0.92/0.86
    emotion            0.77/0.93    0.77/0.93          emotion            0.86/1.00    0.86/1.00
    urgency            0.56/0.70    0.56/0.70          urgency            0.72/0.88    0.72/0.88
    specific_moment    0.94/1.00                       specific_moment    0.90/0.95
    sensory_detail     0.98/1.00                       sensory_detail     0.98/1.00
    told_values        1.00/1.00                       told_values        0.92/0.95
    resume             0.93/1.00                       resume             0.98/1.00
    too_many_moments   0.85/0.95                       too_many_moments   1.00/1.00
    hope               1.00/1.00                       hope               0.83/0.86
    linked_values      1.00/1.00                       linked_values      0.50/1.00

Then, with fresh4 and fresh5 in the corpus, each check's mode was chosen on the three files
the rules were never tuned on (sealed1, fresh4, fresh5), each scored by a model trained on the
other files: a veto only where the rules' ticks were too generous (emotion, outcome,
experiential_us, hope), the model's verdict where the rules missed good stories (challenge,
choice_point, urgency, ask), and always a sentence holding the check's own cue to point to,
never below 50 words, never a choice where the teller says there was none. The whole coach,
leave-one-file-out on those three files (tuned with them in view, so not unseen):

    check               sealed1     fresh4      fresh5
    challenge          0.69/0.82   0.95/1.00   0.74/0.94
    choice_point       0.78/0.85   0.85/0.86   0.89/0.94
    outcome            0.79/0.92   0.86/1.00   0.84/1.00
    experiential_us    0.92/1.00   0.90/1.00   0.90/1.00
    urgency            1.00/1.00   0.75/0.80   0.83/0.90
    ask                1.00/1.00   0.93/1.00   0.92/1.00
    emotion            0.94/1.00   0.85/1.00   0.86/1.00

Two more fresh sets ("fresh6", 52 parts; "fresh7", 50 parts; 4 whole narratives each, by two
further writers who never saw the code or any corpus) were scored once on arrival, rules only
(main) and with the learned model as it then stood (trained on every file but these two):

    first run          fresh6 rules  learned      fresh7 rules  learned
    challenge          0.81/0.90    0.87/0.95     0.85/0.95    0.95/1.00
    choice_point       0.80/0.81    0.75/0.71     0.81/0.86    0.83/0.82
    outcome            0.77/0.81    0.81/0.87     0.86/0.93    0.86/0.93
    experiential_us    0.79/0.83    0.79/0.83     0.88/0.86    0.88/0.86
    urgency            0.62/0.80    0.81/0.88     0.72/0.88    0.95/1.00
    ask                0.83/0.83    0.67/0.75     0.93/1.00    0.86/0.86
    emotion            0.92/1.00    0.92/1.00     0.74/0.93    0.74/0.93
    specific_moment    0.83/0.92                  0.87/0.96
    sensory_detail     0.94/0.97                  0.93/0.97
    told_values        0.70/0.89                  1.00/1.00
    resume             1.00/1.00                  0.85/0.95
    too_many_moments   0.75/0.93                  0.98/1.00
    hope               0.93/1.00                  0.94/1.00
    linked_values      1.00/1.00                  0.75/1.00

With all five rule-unseen files in the corpus, the modes were chosen again on those five, each
scored by a model trained on the other files: the ask went back to its rule alone (a model
gained 0.02 of balanced accuracy there and cost 0.09 of precision of "done"); a "decide"
model ticks at 0.7 (0.6 for the Us and urgency) and withholds a rule's tick only below 0.3
(0.45 for the challenge, 0.6 for the Us). The whole coach, each file scored with the learned
checks trained on the other files (modes chosen with these files in view):

    check               sealed1     fresh4      fresh5      fresh6      fresh7
    emotion            0.94/1.00   0.85/1.00   0.83/1.00   0.92/1.00   0.74/0.93
    challenge          0.80/0.89   0.93/1.00   0.78/0.95   0.89/0.95   0.85/0.95
    choice_point       0.76/0.80   0.82/0.91   0.83/0.93   0.83/0.82   0.88/0.88
    outcome            0.79/0.92   0.82/0.91   0.84/1.00   0.77/0.81   0.86/0.93
    experiential_us    1.00/1.00   1.00/1.00   0.90/0.83   1.00/1.00   1.00/1.00
    urgency            1.00/1.00   0.75/0.80   0.83/0.90   0.81/0.88   0.88/0.91
    hope               0.94/1.00   1.00/1.00   0.93/1.00   0.93/1.00   0.94/1.00

Sealed set "sealed2" (50 parts, 4 whole narratives, by a writer who never saw the code or
any corpus), kept sealed until every change of this round had been made, then scored once at
the commit that added this note's previous paragraph (57a8a4a); rules only (main as it stood)
in brackets. It lives apart, in tests/coach_corpus/sealed/, so nothing trains on it:

    specific_moment 0.85/0.92 (0.85/0.92)   sensory_detail  0.88/0.96 (0.88/0.96)
    emotion         0.82/1.00 (0.87/1.00)   challenge       0.95/1.00 (0.95/1.00)
    choice_point    0.83/0.82 (0.73/0.79)   outcome         0.88/0.88 (0.88/0.88)
    told_values     0.71/0.83 (0.71/0.83)   resume          1.00/1.00 (1.00/1.00)
    too_many_moments 1.00/1.00 (1.00/1.00)  experiential_us 0.88/0.86 (0.75/0.75)
    urgency         1.00/1.00 (0.95/1.00)   hope            0.85/0.88 (0.60/0.64)
    ask             0.71/0.80 (0.71/0.80)   linked_values   1.00/1.00 (1.00/1.00), n=4

Targets (0.90 / 0.95) are met for challenge, resume, too_many_moments, urgency and
linked_values; not for specific_moment, sensory_detail, emotion, choice_point, outcome,
told_values, experiential_us, hope and ask.

A new set, /work/corpus/fresh12.toml (50 parts, 4 whole narratives; not in this corpus, so
nothing trains on it), scored on the turn of a Story of Self (challenge, choice_point,
outcome; balanced accuracy / precision of "done"), first run and after the round that read
instructions in the teller's way, choices in the second person, singled out or made later,
defaults carried through, and outcomes at a later point (tuned with fresh12 in view, so it
is no longer an unseen test for these checks):

    check          fresh12 first run   after          all splits before   after
    challenge      0.89 / 1.00         0.93 / 1.00    0.92 / 0.98         0.92 / 0.98
    choice_point   0.66 / 0.75         0.95 / 0.94    0.87 / 0.94         0.89 / 0.95
    outcome        0.72 / 0.91         0.91 / 0.94    0.87 / 0.96         0.89 / 0.97

Round of 2 December, evening. Three fresh files by writers who never saw the code or any
corpus, each scored once on arrival, before any change it prompted (balanced accuracy /
precision of "done"); fresh11 and fresh12 at the start of the round, fresh13 after the
changes prompted by those two (which changed none of fresh13's 50 verdicts):

    check              fresh11     fresh12     fresh13
    specific_moment    0.82/0.95   0.90/1.00   0.78/0.90
    sensory_detail     0.98/1.00   0.98/1.00   0.90/0.97
    emotion            0.94/0.94   0.84/1.00   0.84/1.00
    challenge          0.87/0.95   0.89/1.00   0.91/1.00
    choice_point       0.78/0.85   0.66/0.75   0.70/0.82
    outcome            0.70/0.87   0.72/0.91   0.90/1.00
    told_values        1.00/1.00   0.75/0.92   0.88/0.96
    resume             0.73/0.91   0.98/1.00   1.00/1.00
    too_many_moments   0.83/0.96   0.98/1.00   0.83/0.96
    experiential_us    0.81/0.88   0.75/0.80   0.83/0.90
    urgency            0.94/1.00   1.00/1.00   0.95/1.00
    hope               0.50/0.75   0.94/1.00   0.83/1.00
    ask                0.54/0.67   0.75/0.86   0.88/1.00
    linked_values      0.75/1.00   0.75/1.00   0.75/1.00

Sealed set "sealed4" (50 parts, 4 narratives, the whole range of services), sealed at 13:26
and scored once at 33557dc, after every change of the round; the start of the round
(b678756, the same reports as 4809489) in brackets. It lives in tests/coach_corpus/sealed/,
so nothing trains on it:

    specific_moment 0.89/0.96 (0.89/0.96)   sensory_detail  0.86/0.96 (0.86/0.96)
    emotion         0.77/0.93 (0.70/0.87)   challenge       0.89/0.95 (0.89/0.95)
    choice_point    0.74/0.85 (0.71/0.83)   outcome         0.89/1.00 (0.87/1.00)
    told_values     0.83/0.96 (0.83/0.96)   resume          0.96/1.00 (0.96/1.00)
    too_many_moments 0.83/0.96 (0.83/0.96)  experiential_us 0.88/1.00 (0.88/1.00)
    urgency         0.94/1.00 (0.94/1.00)   hope            0.72/0.88 (0.72/0.88)
    ask             0.93/1.00 (0.93/1.00)   linked_values   0.25/0.00 (0.25/0.00), n=4

Targets (0.90 / 0.95) are met for resume, urgency and ask; specific_moment, challenge and
outcome are within 0.01 of the line of balanced accuracy.

Round of 2 December, late afternoon: the learned models "judge" (their verdict stands; a tick
points to the sentence that weighs most towards the check). Ten fresh files by writers who
never saw the code or any corpus (fresh14-23, 500 parts, 40 narratives), each scored on
arrival. First, the coach as it stood at the start of the round (4954657) on each:

    check            f14        f15        f16        f17        f18
    specific_moment  0.95/1.00  0.80/0.95  0.95/1.00  0.75/0.94  0.79/0.93
    sensory_detail   0.95/1.00  0.83/0.92  0.94/1.00  0.93/1.00  0.90/0.97
    emotion          0.94/0.95  0.89/1.00  0.97/1.00  0.82/1.00  0.80/0.93
    challenge        0.83/0.95  0.80/1.00  0.85/0.95  0.83/1.00  0.42/0.91
    choice_point     0.60/0.72  0.47/0.58  0.88/1.00  0.71/0.88  0.58/0.79
    outcome          0.93/1.00  0.52/0.75  0.77/0.93  0.71/0.83  0.73/0.93
    told_values      1.00/1.00  0.83/0.96  1.00/1.00  0.90/0.95  1.00/1.00
    resume           0.98/1.00  0.96/1.00  0.83/0.96  0.73/0.91  0.96/1.00
    too_many_moments 0.96/1.00  0.71/0.96  1.00/1.00  0.79/0.95  1.00/1.00
    experiential_us  0.89/1.00  0.89/1.00  0.78/1.00  0.94/1.00  0.83/1.00
    urgency          0.70/0.90  0.95/1.00  0.81/0.88  0.94/1.00  0.70/0.90
    hope             0.94/1.00  0.88/1.00  0.94/1.00  0.81/1.00  0.50/0.67
    ask              0.62/0.80  0.88/1.00  0.86/1.00  1.00/1.00  0.75/1.00
    linked_values    1.00/1.00  0.75/1.00  1.00/1.00  0.75/1.00  1.00/1.00

    check            f19        f20        f21        f22        f23
    specific_moment  0.88/0.96  0.87/0.93  0.91/0.96  0.76/0.91  0.76/0.91
    sensory_detail   0.91/0.96  0.94/1.00  0.95/1.00  0.91/0.97  0.97/1.00
    emotion          0.92/1.00  0.77/0.94  0.82/1.00  0.88/1.00  0.86/1.00
    challenge        0.78/0.95  0.79/0.95  0.96/1.00  0.93/1.00  0.91/1.00
    choice_point     0.76/0.80  0.89/1.00  0.85/0.89  0.64/0.79  0.75/1.00
    outcome          0.79/0.94  0.81/1.00  0.87/1.00  0.85/1.00  0.79/1.00
    told_values      1.00/1.00  0.70/0.88  0.83/0.96  1.00/1.00  1.00/1.00
    resume           1.00/1.00  1.00/1.00  0.96/1.00  0.98/1.00  0.79/0.95
    too_many_moments 1.00/1.00  0.81/0.96  0.83/0.96  0.98/1.00  1.00/1.00
    experiential_us  0.72/0.88  0.75/0.86  0.75/0.86  0.85/1.00  1.00/1.00
    urgency          0.83/0.90  1.00/1.00  0.83/0.90  1.00/1.00  0.75/0.91
    hope             0.67/1.00  0.61/0.83  0.88/0.89  0.81/0.88  1.00/1.00
    ask              0.75/1.00  0.88/1.00  0.88/1.00  0.83/1.00  0.88/1.00
    linked_values    0.75/1.00  1.00/1.00  0.75/1.00  0.75/1.00  0.50/1.00

Then each later file scored on arrival by the coach as it stood then, before any change it
prompted: fresh18-19 with a first trial of the judge (models trained on every file up to
fresh17), fresh20 at 8acc503, fresh21 at 8fc368b, fresh22 at 5db21aa, fresh23 at 8bce6b4:

    check            f18+19     f20        f21        f22        f23
    specific_moment  0.93/0.97  0.98/1.00  0.90/0.93  0.95/0.97  0.96/1.00
    sensory_detail   0.91/0.97  0.94/1.00  0.95/1.00  0.91/0.97  0.97/1.00
    emotion          0.86/0.97  0.77/0.94  0.82/1.00  0.88/1.00  0.89/1.00
    challenge        0.70/0.93  0.91/1.00  0.96/1.00  0.98/1.00  0.93/1.00
    choice_point     0.67/0.79  0.81/0.93  0.85/0.89  0.97/1.00  0.79/0.92
    outcome          0.82/0.97  0.93/1.00  0.89/1.00  0.90/1.00  0.81/1.00
    told_values      1.00/1.00  0.70/0.88  0.83/0.96  1.00/1.00  1.00/1.00
    resume           0.98/1.00  0.98/1.00  1.00/1.00  0.98/1.00  1.00/1.00
    too_many_moments 0.92/0.98  0.81/0.96  0.83/0.96  0.98/1.00  1.00/1.00
    experiential_us  0.86/1.00  0.75/0.86  0.88/1.00  0.85/1.00  1.00/1.00
    urgency          0.97/1.00  1.00/1.00  1.00/1.00  1.00/1.00  0.70/0.90
    hope             0.76/0.84  1.00/1.00  1.00/1.00  1.00/1.00  1.00/1.00
    ask              1.00/1.00  0.94/1.00  0.75/0.86  0.94/1.00  1.00/1.00
    linked_values    0.88/1.00  1.00/1.00  0.75/1.00  0.75/1.00  0.50/1.00

Sealed set "sealed5" (50 parts, 4 narratives, the whole range of services), written before
any change of the round, sealed at 16:04 with sha256 0db26604..., and scored once at
c73d3f5 after every change; the start of the round (4954657) in brackets. It lives in
tests/coach_corpus/sealed/, so nothing trains on it:

    specific_moment 0.91/0.96 (0.84/0.96)   sensory_detail  0.98/1.00 (0.98/1.00)
    emotion         0.77/1.00 (0.77/1.00)   challenge       0.87/0.95 (0.90/1.00)
    choice_point    0.89/0.93 (0.74/0.83)   outcome         0.87/1.00 (0.84/1.00)
    told_values     1.00/1.00 (1.00/1.00)   resume          0.83/0.96 (0.81/0.96)
    too_many_moments 0.88/0.96 (0.88/0.96)  experiential_us 0.94/1.00 (0.94/1.00)
    urgency         0.94/1.00 (0.94/1.00)   hope            0.94/1.00 (0.88/1.00)
    ask             1.00/1.00 (0.94/1.00)   linked_values   0.75/1.00 (0.75/1.00), n=4

Targets (0.90 / 0.95) are met for specific_moment, sensory_detail, told_values,
experiential_us, urgency, hope and ask (six at the start of the round, challenge among them
and not yet specific_moment or hope); not for emotion,
challenge (which fell below the line), choice_point, outcome, resume, too_many_moments and
linked_values.

Sealed set "sealed6" (50 parts, 4 narratives, the whole range of services), commissioned
after sealed5 was scored, sealed at 17:31 with sha256 b2b1224a..., and scored once at
7a6b2b7, after the last change of the round; the start of the round (4954657) in brackets:

    specific_moment 0.90/0.97 (0.83/0.96)   sensory_detail  0.92/1.00 (0.92/1.00)
    emotion         0.83/0.93 (0.83/0.93)   challenge       0.90/0.95 (0.98/1.00)
    choice_point    0.89/0.94 (0.83/0.93)   outcome         0.73/0.90 (0.76/0.94)
    told_values     1.00/1.00 (0.90/0.95)   resume          0.83/0.96 (1.00/1.00)
    too_many_moments 0.98/1.00 (0.98/1.00)  experiential_us 1.00/1.00 (0.72/0.88)
    urgency         1.00/1.00 (1.00/1.00)   hope            1.00/1.00 (0.69/0.83)
    ask             1.00/1.00 (0.88/1.00)   linked_values   0.50/1.00 (0.50/1.00), n=4

Targets are met for 9 of 14 checks (6 at the start of the round); not for emotion,
choice_point, outcome, resume (which fell below the line) and linked_values.

A last fresh file, fresh24 (50 parts, 4 narratives), scored once on arrival with the same code
(7a6b2b7); the start of the round in brackets. It lives in tests/coach_corpus/unseen/:

    specific_moment 0.89/0.93 (0.79/0.88)   sensory_detail  0.98/1.00 (0.98/1.00)
    emotion         0.69/0.92 (0.69/0.92)   challenge       0.87/0.95 (0.70/0.86)
    choice_point    0.82/0.91 (0.58/0.62)   outcome         0.86/0.93 (0.63/0.75)
    told_values     1.00/1.00 (1.00/1.00)   resume          0.96/1.00 (0.98/1.00)
    too_many_moments 0.81/0.96 (0.81/0.96)  experiential_us 0.94/1.00 (0.89/1.00)
    urgency         1.00/1.00 (1.00/1.00)   hope            0.94/1.00 (1.00/1.00)
    ask             0.88/1.00 (0.62/0.80)   linked_values   0.75/1.00 (0.75/1.00), n=4

One change came after sealed6 and fresh24 were scored (0bb34a2: the teller's body as "your"
in a Self told in the second person); re-scored, the only figure it moved on them is
sealed6's emotion, 0.83/0.93 to 0.85/0.94. Sealed set "sealed7" (50 parts, 4 narratives, all
four nations), commissioned after sealed6 was scored, sealed at 17:53 with sha256
96dfdf53..., and scored once at 0bb34a2; the start of the round in brackets:

    specific_moment 0.93/0.96 (0.81/0.90)   sensory_detail  0.81/0.93 (0.81/0.93)
    emotion         0.88/1.00 (0.88/1.00)   challenge       0.95/1.00 (0.78/0.95)
    choice_point    0.87/0.88 (0.66/0.72)   outcome         0.76/0.89 (0.65/0.84)
    told_values     0.88/0.96 (0.88/0.96)   resume          1.00/1.00 (0.98/1.00)
    too_many_moments 0.98/1.00 (0.98/1.00)  experiential_us 0.81/0.88 (0.81/0.88)
    urgency         1.00/1.00 (1.00/1.00)   hope            0.94/1.00 (0.83/1.00)
    ask             0.88/1.00 (0.69/0.83)   linked_values   0.75/1.00 (0.75/1.00), n=4

Targets are met for 6 of 14 checks (3 at the start of the round): specific_moment,
challenge, resume, too_many_moments, urgency and hope.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from narrative_app.coach.report import build_report  # noqa: E402
from narrative_app.domain import Narrative, PartKind, StoryPart  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "coach_corpus"
SPLITS = {
    "dev": ("dev.toml",),
    "heldout": ("heldout.toml",),
    "blind": ("blind.toml",),
    "blind2": ("blind2.toml",),
    "blind3": ("blind3.toml",),
    "blind4": ("blind4.toml",),
    "blind5": ("blind5.toml",),
    "blind6": ("blind6.toml",),
    "blind7": ("blind7.toml",),
    "fresh1": ("fresh1.toml",),
    "fresh2": ("fresh2.toml",),
    "fresh3": ("fresh3.toml",),
    # Written by a writer who never saw the code, kept sealed until the end of the round and
    # scored once, untouched (figures in the notes above); not in "all", so nothing tunes on it.
    "sealed1": ("sealed1.toml",),
    "fresh4": ("fresh4.toml",),
    "fresh5": ("fresh5.toml",),
    "fresh6": ("fresh6.toml",),
    # Scored once, untouched, at the end of the ninth round; kept apart so nothing trains on it.
    "sealed2": ("sealed/sealed2.toml",),
    # Scored once, untouched, at the end of the round of 2 December, evening.
    "sealed4": ("sealed/sealed4.toml",),
    # Scored once, untouched, at the end of the round of 2 December, late afternoon.
    "sealed5": ("sealed/sealed5.toml",),
    # Written after sealed5 was scored and scored once at 7a6b2b7, after the last change.
    "sealed6": ("sealed/sealed6.toml",),
    # Fresh, scored once on arrival with the final code of that round; kept out of training
    # so that round's figures still describe the code. The next round may move it into "all".
    "fresh24": ("unseen/fresh24.toml",),
    # Written after sealed6 was scored; scored once at 0bb34a2, after the last change.
    "sealed7": ("sealed/sealed7.toml",),
    "fresh7": ("fresh7.toml",),
    "fresh8": ("fresh8.toml",),
    "fresh9": ("fresh9.toml",),
    "fresh10": ("fresh10.toml",),
    "fresh11": ("fresh11.toml",),
    "fresh12": ("fresh12.toml",),
    "fresh13": ("fresh13.toml",),
    "fresh14": ("fresh14.toml",),
    "fresh15": ("fresh15.toml",),
    "fresh16": ("fresh16.toml",),
    "fresh17": ("fresh17.toml",),
    "fresh18": ("fresh18.toml",),
    "fresh19": ("fresh19.toml",),
    "fresh20": ("fresh20.toml",),
    "fresh21": ("fresh21.toml",),
    "fresh22": ("fresh22.toml",),
    "fresh23": ("fresh23.toml",),
    # The three team-written files, tuned against before blind2 arrived.
    "team": ("dev.toml", "heldout.toml", "blind.toml"),
    "all": (
        "dev.toml",
        "heldout.toml",
        "blind.toml",
        "blind2.toml",
        "blind3.toml",
        "blind4.toml",
        "blind5.toml",
        "blind6.toml",
        "blind7.toml",
        "fresh1.toml",
        "fresh2.toml",
        "fresh3.toml",
        "sealed1.toml",
        "fresh4.toml",
        "fresh5.toml",
        "fresh6.toml",
        "fresh7.toml",
        "fresh8.toml",
        "fresh9.toml",
        "fresh10.toml",
        "fresh11.toml",
        "fresh12.toml",
        "fresh13.toml",
        "fresh14.toml",
        "fresh15.toml",
        "fresh16.toml",
        "fresh17.toml",
        "fresh18.toml",
        "fresh19.toml",
        "fresh20.toml",
        "fresh21.toml",
        "fresh22.toml",
        "fresh23.toml",
    ),
}
PACE = 125


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def balanced_accuracy(self) -> float:
        """Mean of the recall of "suggest" and the recall of "ok"."""
        sugg = self.tp + self.fn
        ok = self.tn + self.fp
        rates = [r for r in (self.tp / sugg if sugg else None, self.tn / ok if ok else None)
                 if r is not None]
        return sum(rates) / len(rates) if rates else 1.0

    @property
    def ok_precision(self) -> float:
        """Of the coach's ticks ("ok"), the share labelled "ok"."""
        ticks = self.tn + self.fn
        return 1.0 if ticks == 0 else self.tn / ticks

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def add(self, expected: str, got: str, where: str) -> None:
        if expected == "suggest" and got == "suggest":
            self.tp += 1
        elif expected == "ok" and got == "ok":
            self.tn += 1
        elif got == "suggest":
            self.fp += 1
            self.misses.append(f"{where}: expected ok, got suggest")
        else:
            self.fn += 1
            self.misses.append(f"{where}: expected suggest, got ok")


def load_corpus(
    split: str = "all", files: list[Path] | None = None
) -> tuple[list[dict], list[dict]]:
    parts: list[dict] = []
    narratives: list[dict] = []
    paths = files if files else [CORPUS_DIR / name for name in SPLITS[split]]
    for path in paths:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        for raw in data.get("part", []):
            # Some writers put the story under "text" rather than "draft".
            if "draft" not in raw and "text" in raw:
                raw = {**raw, "draft": raw["text"]}  # noqa: PLW2901
            parts.append(raw)
        narratives += data.get("narrative", [])
    return parts, narratives


def _single_part_narrative(entry: dict) -> Narrative:
    kind = PartKind(entry["part"])
    story = StoryPart(kind, fields=dict(entry.get("fields", {})), draft=entry["draft"])
    return Narrative(title=entry["id"], pace_wpm=PACE, parts={kind: story})


def _whole_narrative(entry: dict, by_id: dict[str, dict]) -> Narrative:
    parts = {}
    for kind in PartKind:
        if "parts" in entry:
            ref = entry["parts"].get(kind.value)
            source = by_id[ref] if ref else {}
        else:  # the stories written inline
            source = {"draft": entry.get(kind.value, "")}
        parts[kind] = StoryPart(
            kind,
            fields=dict(source.get("fields", {})),
            draft=source.get("draft", ""),
            target_seconds=int(entry.get("targets", {}).get(kind.value, 0)),
        )
    return Narrative(
        title=entry["id"], pace_wpm=PACE, values=list(entry.get("values", [])), parts=parts
    )


def evaluate(split: str = "all", files: list[Path] | None = None) -> dict[str, Score]:
    """Per-check scores on the chosen split of the corpus (see SPLITS), or on ``files``."""
    parts, narratives = load_corpus(split, files)
    all_parts, _ = load_corpus("all")
    by_id = {p["id"]: p for p in all_parts + parts}
    scores: dict[str, Score] = {}
    for entry in parts:
        report = build_report(_single_part_narrative(entry), PACE)
        for check, expected in entry["expect"].items():
            where = "all" if check in ("long_sentences", "jargon") else entry["part"]
            got = report.finding(check, where).status
            scores.setdefault(check, Score()).add(expected, got, entry["id"])
    for entry in narratives:
        report = build_report(_whole_narrative(entry, by_id), PACE)
        for check, expected in entry["expect"].items():
            got = report.finding(check, "all").status
            scores.setdefault(check, Score()).add(expected, got, entry["id"])
    return scores


def format_table(scores: dict[str, Score]) -> str:
    lines = [
        f"{'check':<18} {'n':>4} {'sugg':>5} {'prec':>6} {'recall':>7} {'bal.acc':>8}"
        f" {'done prec':>10}"
    ]
    for check, s in scores.items():
        lines.append(
            f"{check:<18} {s.total:>4} {s.tp + s.fn:>5} {s.precision:>6.2f} {s.recall:>7.2f}"
            f" {s.balanced_accuracy:>8.2f} {s.ok_precision:>10.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="all")
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--file", type=Path, nargs="+", help="score these corpus files instead of a split"
    )
    args = parser.parse_args(argv)
    for path in args.file or []:
        if not path.is_file():
            print(f"coach_eval: no such corpus file: {path}", file=sys.stderr)
            return 2
    try:
        parts, narratives = load_corpus(args.split, args.file)
        scores = evaluate(args.split, args.file)
    except (tomllib.TOMLDecodeError, KeyError, UnicodeDecodeError) as exc:
        print(f"coach_eval: cannot read the corpus: {exc}", file=sys.stderr)
        return 2
    name = ", ".join(p.name for p in args.file) if args.file else args.split
    print(f"Coach corpus ({name}): {len(parts)} story parts, {len(narratives)} narratives")
    print(format_table(scores))
    if args.misses:
        for check, s in scores.items():
            for miss in s.misses:
                print(f"  {check}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
