<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause stepping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step back (the next step forward uses the current settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run back to its start point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play more steps a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play fewer steps a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open runs and settings saved earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;lesson file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson file: its lessons appear in the Lessons menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs and settings GradStep had when it last closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the runs and settings to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every run&apos;s steps as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the contour plot with a title and legend as a picture for slides (PNG or SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the runs drawn step by step, from step 0 to the step on view, as a GIF (or MP4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close GradStep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a run with another optimizer, from the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected run, settings and all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue from the step on view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the later steps of the selected run and go on from the step on view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Predict the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click where you think the selected run&apos;s next point will land (several guesses allowed); Step reveals it and how far off each guess was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear the guesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every guess from the plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tune learning rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep each shown run&apos;s learning rate over a log-spaced range, plot f after a budget against it, and apply the best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Basin map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour the plot by where the selected run&apos;s optimizer goes from every start of a grid over the view: which minimum, or final f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gradient arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the direction of −∇f at the selected run&apos;s point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next-step arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the step the selected run is about to take, to scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log scale for f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot f − f* on a log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Equal axis scales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same scale on x and y, so the gradient looks perpendicular to the contour lines, as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit view to runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to show every trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function&apos;s default view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, every text 1.6 times larger, thicker lines: for the back of the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every text of the window larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every text of the window smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts back to their normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every keyboard shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About GradStep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licence and libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As written (the notes&apos; rounding, or 10 significant digits)</source>
        <extracomment>View ▸ Numbers: how the tables show numbers (see gui.numbers).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;4 significant digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;6 significant digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;8 significant digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <extracomment>Submenus filled in by build_menus, by their key in MENUS</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum {i}: ({x:.4g}, {y:.4g})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no known minimum reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f − f* ≈ {v:.2g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the plot while paused to move the selected run&apos;s start point there, rounded to the view&apos;s scale (Shift+click: exactly there). Drag to pan, scroll to zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step gradient-descent optimizers across a 2-D function, one step at a time, with every number of every step on screen: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam exactly as the lecture notes define them, including their rounding, and seven more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About GradStep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <extracomment>Frames an animation has at most unless the dialog says otherwise.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing step {0} (frame {1} of {2})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export trajectories as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GradStep sessions (*.gradstep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GradStep lessons (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} run(s) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plot as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the plot ({0} × {1} pixels) to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an animation of the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The animation was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} frames to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the session to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson file holds no lesson that could be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more in the Lessons menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} left out (Lessons ▸ Why are some lessons missing?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no earlier session yet: one is kept each time GradStep closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updates made so far: the step on view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the point after {k} updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>params  (x, y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the function&apos;s value at the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gradient at the point (rounded when lecture-notes rounding is on): the one the next update uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grads  ∇f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length of the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {meaning}, after update {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the update count (for the bias correction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the move update {k} will make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next step  Δp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meaning} (in update {k})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how update {k} moved the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step taken  Δp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnimationDialog</name>
    <message>
        <source>Export animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF or MP4: choose by the file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF. For MP4 as well, install GradStep&apos;s video extra: pip install &quot;gradstep[video]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps 0 to {0}: one frame each, {1} frames, {2:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps 0 to {0} are more than {1} frames: one step in {2:.1f} is drawn, evenly spaced, the first and the last among them ({1} frames, {3:.1f} s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasinPanel</name>
    <message>
        <source>updates from each start before it is judged (the window&apos;s step limit is not used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which minimum it reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute for this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected run&apos;s optimizer from every point of the grid over the plot as it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasinView</name>
    <message>
        <source>Basin map: {r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basin map cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>basin map %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basin map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basin map: {n:,} starts of {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basin map drawn: click it to start the selected run there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No map yet: press Compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{opt} · {g} × {g} starts · {n} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fn}, starts over x {x0:.4g} to {x1:.4g}, y {y0:.4g} to {y1:.4g}. Click the map to start the selected run there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected run&apos;s settings differ now: Compute to follow them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its optimizer and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the point at the step on view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the function&apos;s value there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the length of the gradient there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running, or stopped and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {k}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>All shown runs at the step on view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <source>Step 0 is the start point: press Step to see update 1 with its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update {k}, with the numbers of step {before}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results rounded to {d} decimals where the notes round them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its hyperparameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FunctionPanel</name>
    <message>
        <source>Function</source>
        <extracomment>The most typed-in functions remembered (the oldest are forgotten first).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type f(x, y), e.g. x^2 + 3*y^2 - sin(x*y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers, x, y, + − * / ^ (or **), parentheses, and sin cos tan exp log sqrt abs tanh sinh cosh atan, pi and e. Write 2*x, not 2x. Enter to plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from my functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— My functions —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum {value} at {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no known minimum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>the update number (0: the start point)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the point after this update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the function&apos;s value at the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gradient this update used (row 0: the gradient at the start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: the optimizer&apos;s state after this update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HyperForm</name>
    <message>
        <source>{meaning}
Valid range: {range}; default {default}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageSizeDialog</name>
    <message>
        <source>Export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plot with its title, legend and axes, at this size:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>Open the lessons folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are some lessons missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These lessons could not be loaded and are not in the menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Open a lesson from the Lessons menu: the notes&apos; six tables, and comparisons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f − f*  (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update, with numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some lessons could not be loaded: Lessons ▸ Why are some lessons missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict: click where the next step of the selected run will land (several guesses allowed), then press Step. Escape clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause first to move the start point or to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start moved to ({x}, {y}). Shift+click for the exact point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text at {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(other runs stopped: {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: step {k} of {newest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All shown runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseForm</name>
    <message>
        <source>{reason} (or 0: no noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: off, or {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation σ of the Gaussian noise added to each gradient component; 0: no noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PredictOverlay</name>
    <message>
        <source>{n} guess(es) for step {step}: press Step to see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guess {n}: {distance} away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {step} is at ({x}, {y})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunEntry</name>
    <message>
        <source>not started</source>
        <extracomment>The most steps a run keeps in the window: a million steps is plenty for a class, and six runs of a million steps already hold a few hundred megabytes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {k}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunLegend</name>
    <message>
        <source>−∇f: steepest descent (direction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−∇f × {scale}: steepest descent, to scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the next step (to scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the legend where it hides nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunListPanel</name>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to show a run (only shown runs step); select one to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a run with the next optimizer not yet shown, from the selected run&apos;s start (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected run, settings and all (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected run (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {optimizer}, start {start}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (x, y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s name, used in the legend and as the run column of the CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the optimizer starts this run again from its start point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update rule of one step (g is the gradient at the current point)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the run starts; you can also click the plot while paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <source>How the learning rate changes from update to update (from the next one on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>η schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm-up K</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Round exactly where and as the lecture notes&apos; code does: the gradient, and the state and new parameters of AdaGrad, RMSProp and Adam, to this many decimals.
Like the notes&apos; round(), plain numbers are rounded to the nearest decimal and numpy numbers (everything after the first update, except SGD&apos;s) the way numpy rounds, so any run gives the notes&apos; own numbers. Takes effect from the step on view.</source>
        <extracomment>What the lecture-notes rounding is, in two sentences (also in the README).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture-notes rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs stop here (&quot;step limit reached&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SizeChooser</name>
    <message>
        <source>Custom size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {0} to {1} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on screen ({0} × {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on screen, {0} times finer ({1} × {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plot as the window shows it: its size, its text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laid out as a slide: text, lines and markers grow with the picture.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Slide</name>
    <message>
        <source> · rounded to {0} decimals as in the notes</source>
        <extracomment>Text size on a slide&apos;s layout: on 1280 × 720 units about 17 units tall, 25 pixels on a 1920 × 1080 slide.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with GradStep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>full speed</source>
        <extracomment>Steps per second offered, from one a second to as fast as the machine goes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per second while playing: 1 to full speed ([ slower, ] faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateModel</name>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatePanel</name>
    <message>
        <source>State at the step on view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepWorker</name>
    <message>
        <source>Could not carry out “{command}”: {error}</source>
        <extracomment>At full speed, stop stepping from each snapshot until the window has drawn it (see the module docstring); benchmarks/play_variants.py measures the alternative</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Drag to look at any recorded step; the later steps are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {step} of {newest}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TunerDialog</name>
    <message>
        <source>Tune learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updates each learning rate gets before it is scored by f (the window&apos;s step limit is not used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the current function, each shown run&apos;s start point and its other settings: f after the tuning budget at each of the learning rates, log-spaced between the smallest and the largest. The lowest f wins; a run that diverges is worst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smallest η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>budget (updates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run to sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>η now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the best η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the best learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set each run&apos;s learning rate to its best (one change: Edit ▸ Undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is shown: tick one in the run list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweeping {n} run(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: Apply sets each run&apos;s η to its best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every rate diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} (step {k})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function has changed since the sweep: press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuned learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates set (Edit ▸ Undo takes them back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} run(s) left alone: gone, or another optimizer now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TunerPlot</name>
    <message>
        <source>learning rate η (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f − f* + δ (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the known minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lowest f any run reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height: f after the budget, minus f* = {f:g} ({where}), plus δ = {d:.0e} so that f* itself shows on the log axis. ★ each run&apos;s best η, dashed line its η now, × at the top: diverged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowModel</name>
    <message>
        <source>Open runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its step limit of {steps} is lowered to the window&apos;s {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} runs side by side (a session file holds no more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: schedule {schedule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: noise {noise}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every shown run has stopped: press R to reset, or raise the step limit, or change a setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset every run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from step {k}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
