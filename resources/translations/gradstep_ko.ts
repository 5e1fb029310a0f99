<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause stepping</source>
        <translation>단계 진행을 재생하거나 일시 정지합니다</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>한 단계(&amp;S)</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>한 단계 앞으로 진행합니다</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>한 단계 뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>One step back (the next step forward uses the current settings)</source>
        <translation>한 단계 뒤로 돌아갑니다 (다시 앞으로 진행할 때는 현재 설정을 씁니다)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Every run back to its start point</source>
        <translation>모든 실행을 초기값으로 되돌립니다</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Play more steps a second</source>
        <translation>초당 더 많은 단계를 재생합니다</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Play fewer steps a second</source>
        <translation>초당 더 적은 단계를 재생합니다</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open runs and settings saved earlier</source>
        <translation>전에 저장한 실행과 설정을 엽니다</translation>
    </message>
    <message>
        <source>Open &amp;lesson file…</source>
        <translation>수업 파일 열기(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a lesson file: its lessons appear in the Lessons menu</source>
        <translation>수업 파일을 엽니다. 파일의 수업은 수업 메뉴에 나타납니다</translation>
    </message>
    <message>
        <source>&amp;Reopen last session</source>
        <translation>지난 세션 다시 열기(&amp;R)</translation>
    </message>
    <message>
        <source>The runs and settings GradStep had when it last closed</source>
        <translation>GradStep을 마지막으로 닫을 때의 실행과 설정을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>세션 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the runs and settings to a file</source>
        <translation>실행과 설정을 파일로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every run&apos;s steps as CSV</source>
        <translation>모든 실행의 단계를 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation>이미지 내보내기(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the contour plot with a title and legend as a picture for slides (PNG or SVG)</source>
        <translation>등고선 그림에 제목과 범례를 넣어 슬라이드용 그림(PNG 또는 SVG)으로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation>애니메이션 내보내기(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the runs drawn step by step, from step 0 to the step on view, as a GIF (or MP4)</source>
        <translation>실행이 한 단계씩 그려지는 모습을 0단계부터 표시 중인 단계까지 GIF(또는 MP4)로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close GradStep</source>
        <translation>GradStep을 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Add run</source>
        <translation>실행 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add a run with another optimizer, from the same start</source>
        <translation>같은 초기값에서 다른 옵티마이저로 실행을 추가합니다</translation>
    </message>
    <message>
        <source>&amp;Duplicate run</source>
        <translation>실행 복제(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the selected run, settings and all</source>
        <translation>선택한 실행을 설정까지 그대로 복사합니다</translation>
    </message>
    <message>
        <source>Re&amp;move run</source>
        <translation>실행 삭제(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected run</source>
        <translation>선택한 실행을 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Continue from the step on view</source>
        <translation>표시 중인 단계부터 이어 가기(&amp;C)</translation>
    </message>
    <message>
        <source>Drop the later steps of the selected run and go on from the step on view</source>
        <translation>선택한 실행의 이후 단계를 버리고 표시 중인 단계부터 다시 진행합니다</translation>
    </message>
    <message>
        <source>&amp;Predict the next step</source>
        <translation>다음 단계 예측(&amp;P)</translation>
    </message>
    <message>
        <source>Click where you think the selected run&apos;s next point will land (several guesses allowed); Step reveals it and how far off each guess was</source>
        <translation>선택한 실행의 다음 점이 놓일 곳을 예상해 클릭하세요(여러 번 가능). &quot;한 단계&quot;를 누르면 실제 위치와 각 예측이 얼마나 빗나갔는지 보여 줍니다</translation>
    </message>
    <message>
        <source>C&amp;lear the guesses</source>
        <translation>예측 지우기(&amp;L)</translation>
    </message>
    <message>
        <source>Remove every guess from the plot</source>
        <translation>그림에서 예측을 모두 지웁니다</translation>
    </message>
    <message>
        <source>&amp;Tune learning rates…</source>
        <translation>학습률 탐색(&amp;T)…</translation>
    </message>
    <message>
        <source>Sweep each shown run&apos;s learning rate over a log-spaced range, plot f after a budget against it, and apply the best</source>
        <translation>보이는 각 실행의 학습률을 로그 간격으로 바꿔 가며 정해진 횟수만큼 시행한 뒤의 f를 그리고, 가장 좋은 학습률을 적용합니다</translation>
    </message>
    <message>
        <source>&amp;Basin map</source>
        <translation>수렴 영역 지도(&amp;B)</translation>
    </message>
    <message>
        <source>Colour the plot by where the selected run&apos;s optimizer goes from every start of a grid over the view: which minimum, or final f</source>
        <translation>보기 영역의 격자점마다 선택한 실행의 옵티마이저를 시작해, 어느 최소점에 도달하는지 또는 최종 f로 그림을 칠합니다</translation>
    </message>
    <message>
        <source>&amp;Gradient arrow</source>
        <translation>기울기 화살표(&amp;G)</translation>
    </message>
    <message>
        <source>Show the direction of −∇f at the selected run&apos;s point</source>
        <translation>선택한 실행의 현재 점에서 −∇f 방향을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Next-step arrow</source>
        <translation>다음 이동 화살표(&amp;N)</translation>
    </message>
    <message>
        <source>Show the step the selected run is about to take, to scale</source>
        <translation>선택한 실행이 다음에 움직일 만큼을 실제 비율로 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Log scale for f</source>
        <translation>f 로그 눈금(&amp;L)</translation>
    </message>
    <message>
        <source>Plot f − f* on a log scale</source>
        <translation>f − f*를 로그 눈금으로 그립니다</translation>
    </message>
    <message>
        <source>&amp;Equal axis scales</source>
        <translation>x, y축 같은 비율(&amp;E)</translation>
    </message>
    <message>
        <source>The same scale on x and y, so the gradient looks perpendicular to the contour lines, as it is</source>
        <translation>x와 y에 같은 비율을 써서, 기울기가 실제 그대로 등고선에 수직으로 보이게 합니다</translation>
    </message>
    <message>
        <source>&amp;Fit view to runs</source>
        <translation>실행에 맞춰 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom to show every trajectory</source>
        <translation>모든 궤적이 보이도록 확대하거나 축소합니다</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>보기 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>The function&apos;s default view</source>
        <translation>함수의 기본 보기로 돌아갑니다</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, every text 1.6 times larger, thicker lines: for the back of the room</source>
        <translation>전체 화면, 모든 글자 1.6배, 더 굵은 선: 강의실 뒷자리에서도 보이도록</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>Every text of the window larger</source>
        <translation>창의 모든 글자를 크게 합니다</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>Every text of the window smaller</source>
        <translation>창의 모든 글자를 작게 합니다</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>기본 글자 크기(&amp;N)</translation>
    </message>
    <message>
        <source>Texts back to their normal size</source>
        <translation>글자를 원래 크기로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut</source>
        <translation>모든 단축키를 봅니다</translation>
    </message>
    <message>
        <source>&amp;About GradStep</source>
        <translation>GradStep 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Version, licence and libraries</source>
        <translation>버전, 라이선스, 라이브러리</translation>
    </message>
    <message>
        <source>&amp;As written (the notes&apos; rounding, or 10 significant digits)</source>
        <extracomment>View ▸ Numbers: how the tables show numbers (see gui.numbers).</extracomment>
        <translation>노트 표기대로: 노트의 반올림 또는 유효 숫자 10자리(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full precision</source>
        <translation>전체 정밀도(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;4 significant digits</source>
        <translation>유효 숫자 4자리(&amp;4)</translation>
    </message>
    <message>
        <source>&amp;6 significant digits</source>
        <translation>유효 숫자 6자리(&amp;6)</translation>
    </message>
    <message>
        <source>&amp;8 significant digits</source>
        <translation>유효 숫자 8자리(&amp;8)</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <extracomment>Submenus filled in by build_menus, by their key in MENUS</extracomment>
        <translation>숫자 표시(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>minimum {i}: ({x:.4g}, {y:.4g})</source>
        <translation>최소점 {i}: ({x:.4g}, {y:.4g})</translation>
    </message>
    <message>
        <source>no known minimum reached</source>
        <translation>알려진 최소점에 도달하지 못함</translation>
    </message>
    <message>
        <source>f − f* ≈ {v:.2g}</source>
        <translation>f − f* ≈ {v:.2g}</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>Click the plot while paused to move the selected run&apos;s start point there, rounded to the view&apos;s scale (Shift+click: exactly there). Drag to pan, scroll to zoom.</source>
        <translation>일시 정지 중에 그림을 클릭하면 선택한 실행의 초기값이 그곳으로 옮겨지고, 보기 배율에 맞게 반올림됩니다(Shift+클릭: 정확히 그 위치). 드래그하면 이동하고, 스크롤하면 확대하거나 축소합니다.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Step gradient-descent optimizers across a 2-D function, one step at a time, with every number of every step on screen: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam exactly as the lecture notes define them, including their rounding, and seven more.</source>
        <translation>2차원 함수 위에서 경사 하강법 옵티마이저를 한 단계씩 진행하며 모든 단계의 모든 숫자를 화면에 보여 줍니다. SGD, 모멘텀, Nesterov, AdaGrad, RMSProp, Adam은 강의 노트의 정의 그대로(반올림까지) 계산하며, 그 밖에 일곱 가지 옵티마이저가 더 있습니다.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>MIT 라이선스로 배포되는 자유 소프트웨어입니다.</translation>
    </message>
    <message>
        <source>About GradStep</source>
        <translation>GradStep 정보</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <extracomment>Frames an animation has at most unless the dialog says otherwise.</extracomment>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 동영상 (*.mp4)</translation>
    </message>
    <message>
        <source>Drawing step {0} (frame {1} of {2})…</source>
        <translation>{0}단계 그리는 중 (프레임 {1}/{2})…</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>프레임을 그리는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 파일이 이미 있습니다. 덮어쓸까요?</translation>
    </message>
    <message>
        <source>Export trajectories as CSV</source>
        <translation>궤적을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>The CSV file was not written.</source>
        <translation>CSV 파일을 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>GradStep sessions (*.gradstep)</source>
        <translation>GradStep 세션 (*.gradstep)</translation>
    </message>
    <message>
        <source>GradStep lessons (*.json)</source>
        <translation>GradStep 수업 (*.json)</translation>
    </message>
    <message>
        <source>CSV files, UTF-8 (*.csv)</source>
        <translation>CSV 파일, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel용 CSV, BOM 포함 UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Exported {n} run(s) to {path}</source>
        <translation>실행 {n}개를 {path}에 내보냈습니다</translation>
    </message>
    <message>
        <source>Export the plot as an image</source>
        <translation>그림을 이미지로 내보내기</translation>
    </message>
    <message>
        <source>The image was not written.</source>
        <translation>이미지를 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>Saved the plot ({0} × {1} pixels) to {2}</source>
        <translation>그림({0} × {1} 픽셀)을 {2}에 저장했습니다</translation>
    </message>
    <message>
        <source>Export an animation of the runs</source>
        <translation>실행 애니메이션 내보내기</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>내보내기를 취소했습니다. 아무 파일도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>The animation was not written.</source>
        <translation>애니메이션을 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>Saved {0} frames to {1}</source>
        <translation>프레임 {0}개를 {1}에 저장했습니다</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <source>The session was not saved.</source>
        <translation>세션을 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Saved the session to {path}</source>
        <translation>세션을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>열기 실패</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>세션을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Opened {path}.</source>
        <translation>열었습니다: {path}.</translation>
    </message>
    <message>
        <source>Open a lesson file</source>
        <translation>수업 파일 열기</translation>
    </message>
    <message>
        <source>The lesson file could not be opened.</source>
        <translation>수업 파일을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>The lesson file holds no lesson that could be used.</source>
        <translation>수업 파일에 쓸 수 있는 수업이 없습니다.</translation>
    </message>
    <message>
        <source>Opened {title}.</source>
        <translation>열었습니다: {title}.</translation>
    </message>
    <message>
        <source>{n} more in the Lessons menu.</source>
        <translation>나머지 {n}개는 수업 메뉴에 있습니다.</translation>
    </message>
    <message>
        <source>{n} left out (Lessons ▸ Why are some lessons missing?).</source>
        <translation>{n}개는 빠졌습니다 (수업 ▸ 일부 수업이 빠진 이유는?).</translation>
    </message>
    <message>
        <source>There is no earlier session yet: one is kept each time GradStep closes.</source>
        <translation>아직 이전 세션이 없습니다. 세션은 GradStep을 닫을 때마다 보관됩니다.</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>보폭</translation>
    </message>
    <message>
        <source>lr in effect</source>
        <translation>현재 학습률</translation>
    </message>
    <message>
        <source>rectification</source>
        <translation>보정 계수</translation>
    </message>
    <message>
        <source>updates made so far: the step on view</source>
        <translation>지금까지의 시행 횟수: 표시 중인 단계</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>the point after {k} updates</source>
        <translation>{k}회 시행 후의 점</translation>
    </message>
    <message>
        <source>params  (x, y)</source>
        <translation>params  위치</translation>
    </message>
    <message>
        <source>the function&apos;s value at the point</source>
        <translation>그 점에서의 함수값</translation>
    </message>
    <message>
        <source>the gradient at the point (rounded when lecture-notes rounding is on): the one the next update uses</source>
        <translation>그 점에서의 기울기 (강의 노트식 반올림이 켜져 있으면 반올림한 값): 다음 시행에서 쓰는 기울기</translation>
    </message>
    <message>
        <source>grads  ∇f</source>
        <translation>grads  기울기 ∇f</translation>
    </message>
    <message>
        <source>length of the gradient</source>
        <translation>기울기의 크기</translation>
    </message>
    <message>
        <source>{name}: {meaning}, after update {k}</source>
        <translation>{name}: {meaning}, {k}회 시행 후</translation>
    </message>
    <message>
        <source>the update count (for the bias correction)</source>
        <translation>시행 횟수 (편향 보정에 쓰임)</translation>
    </message>
    <message>
        <source>the move update {k} will make</source>
        <translation>{k}회 시행에서 움직일 만큼</translation>
    </message>
    <message>
        <source>next step  Δp</source>
        <translation>다음 이동  Δp</translation>
    </message>
    <message>
        <source>{meaning} (in update {k})</source>
        <translation>{meaning} ({k}회 시행)</translation>
    </message>
    <message>
        <source>how update {k} moved the point</source>
        <translation>{k}회 시행에서 점이 움직인 만큼</translation>
    </message>
    <message>
        <source>step taken  Δp</source>
        <translation>이번 이동  Δp</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>되돌리기(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>{change} 되돌리기(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 하기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>{change} 다시 하기(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AnimationDialog</name>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 프레임/초</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> 프레임</translation>
    </message>
    <message>
        <source>Frame size</source>
        <translation>프레임 크기</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>프레임 속도</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>GIF or MP4: choose by the file name.</source>
        <translation>GIF 또는 MP4: 파일 이름의 확장자로 고릅니다.</translation>
    </message>
    <message>
        <source>GIF. For MP4 as well, install GradStep&apos;s video extra: pip install &quot;gradstep[video]&quot;</source>
        <translation>GIF. MP4로도 저장하려면 GradStep의 video 추가 기능을 설치하세요: pip install &quot;gradstep[video]&quot;</translation>
    </message>
    <message>
        <source>Only step 0 is on view, so there is nothing to animate yet: step or play the runs first. The animation runs from step 0 to the step on view.</source>
        <translation>표시 중인 단계가 0단계뿐이라 아직 움직일 것이 없습니다: 먼저 실행을 한 단계씩 진행하거나 재생하세요. 애니메이션은 0단계부터 표시 중인 단계까지 그립니다.</translation>
    </message>
    <message>
        <source>Steps 0 to {0}: one frame each, {1} frames, {2:.1f} s.</source>
        <translation>0단계부터 {0}단계까지: 단계마다 한 프레임, 모두 {1}프레임, {2:.1f}초.</translation>
    </message>
    <message>
        <source>Steps 0 to {0} are more than {1} frames: one step in {2:.1f} is drawn, evenly spaced, the first and the last among them ({1} frames, {3:.1f} s).</source>
        <translation>0단계부터 {0}단계까지는 {1}프레임보다 많습니다. 처음과 마지막 단계를 포함해 {2:.1f}단계마다 하나씩 고르게 그립니다 ({1}프레임, {3:.1f}초).</translation>
    </message>
</context>
<context>
    <name>BasinPanel</name>
    <message>
        <source>updates from each start before it is judged (the window&apos;s step limit is not used)</source>
        <translation>각 시작점에서 판정하기 전까지 시행하는 횟수 (창의 최대 단계는 쓰지 않음)</translation>
    </message>
    <message>
        <source>which minimum it reached</source>
        <translation>도달한 최소점</translation>
    </message>
    <message>
        <source>final f</source>
        <translation>최종 f</translation>
    </message>
    <message>
        <source>Compute for this view</source>
        <translation>이 보기로 계산</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s optimizer from every point of the grid over the plot as it is now</source>
        <translation>지금 보이는 그림 위 격자의 모든 점에서 선택한 실행의 옵티마이저를 돌립니다</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>색칠 기준</translation>
    </message>
</context>
<context>
    <name>BasinView</name>
    <message>
        <source>Basin map: {r}</source>
        <translation>수렴 영역 지도: {r}</translation>
    </message>
    <message>
        <source>Basin map cancelled.</source>
        <translation>수렴 영역 지도 계산을 취소했습니다.</translation>
    </message>
    <message>
        <source>basin map %p%</source>
        <translation>수렴 영역 지도 %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Basin map</source>
        <translation>수렴 영역 지도</translation>
    </message>
    <message>
        <source>Basin map: {n:,} starts of {name}…</source>
        <translation>수렴 영역 지도: {name}의 시작점 {n:,}개 계산 중…</translation>
    </message>
    <message>
        <source>Basin map drawn: click it to start the selected run there.</source>
        <translation>수렴 영역 지도를 그렸습니다. 지도를 클릭하면 선택한 실행이 그곳에서 시작합니다.</translation>
    </message>
    <message>
        <source>No map yet: press Compute.</source>
        <translation>아직 지도가 없습니다. &quot;이 보기로 계산&quot;을 누르세요.</translation>
    </message>
    <message>
        <source>{opt} · {g} × {g} starts · {n} steps</source>
        <translation>{opt} · 시작점 {g} × {g}개 · {n}단계</translation>
    </message>
    <message>
        <source>{fn}, starts over x {x0:.4g} to {x1:.4g}, y {y0:.4g} to {y1:.4g}. Click the map to start the selected run there.</source>
        <translation>{fn}, 시작점 범위 x {x0:.4g}~{x1:.4g}, y {y0:.4g}~{y1:.4g}. 지도를 클릭하면 선택한 실행이 그곳에서 시작합니다.</translation>
    </message>
    <message>
        <source>The selected run&apos;s settings differ now: Compute to follow them.</source>
        <translation>선택한 실행의 설정이 지도와 달라졌습니다. 다시 계산하면 반영됩니다.</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>state</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>the run&apos;s name</source>
        <translation>실행 이름</translation>
    </message>
    <message>
        <source>its optimizer and settings</source>
        <translation>옵티마이저와 설정</translation>
    </message>
    <message>
        <source>the point at the step on view</source>
        <translation>표시 중인 단계의 점</translation>
    </message>
    <message>
        <source>the function&apos;s value there</source>
        <translation>그 점의 함수값</translation>
    </message>
    <message>
        <source>the length of the gradient there</source>
        <translation>그 점의 기울기 크기</translation>
    </message>
    <message>
        <source>running, or stopped and why</source>
        <translation>진행 중인지, 멈췄다면 그 이유</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>step {k}</source>
        <translation>{k}단계</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>All shown runs at the step on view</source>
        <translation>보이는 모든 실행 (표시 중인 단계)</translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <source>Update {n} would take the run where f or its gradient is not a finite number, or past 1e10 in x or y: the run stopped here, diverged.</source>
        <translation>{n}회 시행은 f나 기울기가 유한한 수가 아닌 곳, 또는 x나 y가 1e10을 넘는 곳으로 가므로 여기서 멈췄습니다: 발산.</translation>
    </message>
    <message>
        <source>Step 0 is the start point: press Step to see update 1 with its numbers.</source>
        <translation>0단계는 초기값입니다. &quot;한 단계&quot;를 누르면 1회 시행을 숫자와 함께 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Update {k}, with the numbers of step {before}:</source>
        <translation>{k}회 시행 ({before}단계의 숫자를 대입):</translation>
    </message>
    <message>
        <source>Results rounded to {d} decimals where the notes round them.</source>
        <translation>노트에서 반올림하는 곳의 결과는 소수 {d}자리로 반올림했습니다.</translation>
    </message>
    <message>
        <source>Its state:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Its hyperparameters:</source>
        <translation>하이퍼파라미터:</translation>
    </message>
    <message>
        <source>About {name}</source>
        <translation>{name} 소개</translation>
    </message>
</context>
<context>
    <name>FunctionPanel</name>
    <message>
        <source>Function</source>
        <extracomment>The most typed-in functions remembered (the oldest are forgotten first).</extracomment>
        <translation>함수</translation>
    </message>
    <message>
        <source>Type f(x, y), e.g. x^2 + 3*y^2 - sin(x*y)</source>
        <translation>f(x, y)를 입력하세요. 예: x^2 + 3*y^2 - sin(x*y)</translation>
    </message>
    <message>
        <source>Numbers, x, y, + − * / ^ (or **), parentheses, and sin cos tan exp log sqrt abs tanh sinh cosh atan, pi and e. Write 2*x, not 2x. Enter to plot.</source>
        <translation>숫자, x, y, + − * / ^ (또는 **), 괄호, sin cos tan exp log sqrt abs tanh sinh cosh atan, pi, e를 쓸 수 있습니다. 2x가 아니라 2*x로 쓰세요. Enter를 누르면 그립니다.</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Remove from my functions</source>
        <translation>내 함수에서 삭제</translation>
    </message>
    <message>
        <source>x from</source>
        <translation>x 범위</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>y from</source>
        <translation>y 범위</translation>
    </message>
    <message>
        <source>— My functions —</source>
        <translation>— 내 함수 —</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>minimum {value} at {points}</source>
        <translation>최솟값 {value}, 최소점 {points}</translation>
    </message>
    <message>
        <source>no known minimum</source>
        <translation>알려진 최솟값 없음</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>the update number (0: the start point)</source>
        <translation>시행 번호 (0: 초기값)</translation>
    </message>
    <message>
        <source>the point after this update</source>
        <translation>이 시행 후의 점</translation>
    </message>
    <message>
        <source>the function&apos;s value at the point</source>
        <translation>그 점에서의 함수값</translation>
    </message>
    <message>
        <source>the gradient this update used (row 0: the gradient at the start)</source>
        <translation>이 시행에서 쓴 기울기 (0행: 초기값에서의 기울기)</translation>
    </message>
    <message>
        <source>{field}: the optimizer&apos;s state after this update</source>
        <translation>{field}: 이 시행 후 옵티마이저의 상태</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History of the selected run</source>
        <translation>선택한 실행의 기록</translation>
    </message>
</context>
<context>
    <name>HyperForm</name>
    <message>
        <source>{meaning}
Valid range: {range}; default {default}</source>
        <translation>{meaning}
허용 범위: {range}, 기본값 {default}</translation>
    </message>
</context>
<context>
    <name>ImageSizeDialog</name>
    <message>
        <source>Export image</source>
        <translation>이미지 내보내기</translation>
    </message>
    <message>
        <source>The plot with its title, legend and axes, at this size:</source>
        <translation>그림 크기 (제목, 범례, 축 포함):</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>Open the lessons folder</source>
        <translation>수업 폴더 열기</translation>
    </message>
    <message>
        <source>Reload lessons</source>
        <translation>수업 다시 불러오기</translation>
    </message>
    <message>
        <source>Why are some lessons missing?</source>
        <translation>일부 수업이 빠진 이유는?</translation>
    </message>
    <message>
        <source>Lessons folder</source>
        <translation>수업 폴더</translation>
    </message>
    <message>
        <source>Lessons left out</source>
        <translation>빠진 수업</translation>
    </message>
    <message>
        <source>These lessons could not be loaded and are not in the menu.</source>
        <translation>다음 수업은 불러올 수 없어서 메뉴에 없습니다.</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Open a lesson from the Lessons menu: the notes&apos; six tables, and comparisons.</source>
        <translation>수업 메뉴에서 수업을 여세요. 강의 노트의 표 여섯 개와 여러 비교 수업이 있습니다.</translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation>살펴볼 점:</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>f − f*  (log scale)</source>
        <translation>f − f*  (로그 눈금)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>수치</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>The update, with numbers</source>
        <translation>시행의 계산 과정</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Some lessons could not be loaded: Lessons ▸ Why are some lessons missing?</source>
        <translation>일부 수업을 불러오지 못했습니다: 수업 ▸ 일부 수업이 빠진 이유는?</translation>
    </message>
    <message>
        <source>Predict: click where the next step of the selected run will land (several guesses allowed), then press Step. Escape clears.</source>
        <translation>예측: 선택한 실행의 다음 단계가 놓일 곳을 클릭한 뒤(여러 번 가능) &quot;한 단계&quot;를 누르세요. Esc를 누르면 지웁니다.</translation>
    </message>
    <message>
        <source>Pause first to move the start point or to guess.</source>
        <translation>초기값을 옮기거나 예측하려면 먼저 일시 정지하세요.</translation>
    </message>
    <message>
        <source>Start moved to ({x}, {y}). Shift+click for the exact point.</source>
        <translation>초기값을 옮겼습니다: ({x}, {y}). 정확히 그 위치에 두려면 Shift+클릭하세요.</translation>
    </message>
    <message>
        <source>Text at {percent}</source>
        <translation>글자 크기 {percent}</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>(other runs stopped: {n})</source>
        <translation>(멈춘 다른 실행: {n}개)</translation>
    </message>
    <message>
        <source>{name}: step {k} of {newest}</source>
        <translation>{name}: {k} / {newest}단계</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>재생 도구</translation>
    </message>
    <message>
        <source>History of the selected run</source>
        <translation>선택한 실행의 기록</translation>
    </message>
    <message>
        <source>All shown runs</source>
        <translation>보이는 모든 실행</translation>
    </message>
</context>
<context>
    <name>NoiseForm</name>
    <message>
        <source>{reason} (or 0: no noise)</source>
        <translation>{reason} (또는 0: 노이즈 없음)</translation>
    </message>
    <message>
        <source>0: off, or {range}</source>
        <translation>0: 끔, 또는 {range}</translation>
    </message>
    <message>
        <source>Standard deviation σ of the Gaussian noise added to each gradient component; 0: no noise</source>
        <translation>기울기의 각 성분에 더하는 가우스 노이즈의 표준편차 σ. 0이면 노이즈 없음</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation>노이즈 σ</translation>
    </message>
</context>
<context>
    <name>PredictOverlay</name>
    <message>
        <source>{n} guess(es) for step {step}: press Step to see</source>
        <translation>{step}단계 예측 {n}개: &quot;한 단계&quot;를 눌러 확인하세요</translation>
    </message>
    <message>
        <source>guess {n}: {distance} away</source>
        <translation>예측 {n}: 거리 {distance}</translation>
    </message>
    <message>
        <source>Step {step} is at ({x}, {y})</source>
        <translation>{step}단계의 실제 위치: ({x}, {y})</translation>
    </message>
</context>
<context>
    <name>RunEntry</name>
    <message>
        <source>not started</source>
        <extracomment>The most steps a run keeps in the window: a million steps is plenty for a class, and six runs of a million steps already hold a few hundred megabytes.</extracomment>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>step {k}</source>
        <translation>{k}단계</translation>
    </message>
</context>
<context>
    <name>RunLegend</name>
    <message>
        <source>−∇f: steepest descent (direction)</source>
        <translation>−∇f: 가장 가파른 내리막 (방향)</translation>
    </message>
    <message>
        <source>−∇f × {scale}: steepest descent, to scale</source>
        <translation>−∇f × {scale}: 가장 가파른 내리막 (실제 비율)</translation>
    </message>
    <message>
        <source>the next step (to scale)</source>
        <translation>다음 이동 (실제 비율)</translation>
    </message>
    <message>
        <source>Drag the legend where it hides nothing</source>
        <translation>범례가 아무것도 가리지 않는 곳으로 끌어다 놓으세요</translation>
    </message>
</context>
<context>
    <name>RunListPanel</name>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>Tick to show a run (only shown runs step); select one to edit it</source>
        <translation>체크하면 실행이 보입니다(보이는 실행만 진행합니다). 실행을 선택하면 설정을 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Add a run with the next optimizer not yet shown, from the selected run&apos;s start (Ctrl+N)</source>
        <translation>아직 없는 다음 옵티마이저로, 선택한 실행의 초기값에서 시작하는 실행을 추가합니다 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Copy the selected run, settings and all (Ctrl+D)</source>
        <translation>선택한 실행을 설정까지 그대로 복사합니다 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Remove the selected run (Delete)</source>
        <translation>선택한 실행을 삭제합니다 (Delete)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색</translation>
    </message>
    <message>
        <source>{name}: {optimizer}, start {start}</source>
        <translation>{name}: {optimizer}, 초기값 {start}</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Selected run</source>
        <translation>선택한 실행</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Start (x, y)</source>
        <translation>초기값 (x, y)</translation>
    </message>
    <message>
        <source>The run&apos;s name, used in the legend and as the run column of the CSV</source>
        <translation>실행 이름: 범례와 CSV의 run 열에 쓰입니다</translation>
    </message>
    <message>
        <source>Changing the optimizer starts this run again from its start point</source>
        <translation>옵티마이저를 바꾸면 이 실행은 초기값에서 다시 시작합니다</translation>
    </message>
    <message>
        <source>The update rule of one step (g is the gradient at the current point)</source>
        <translation>한 단계의 갱신 규칙 (g는 현재 점의 기울기)</translation>
    </message>
    <message>
        <source>Where the run starts; you can also click the plot while paused</source>
        <translation>실행이 시작하는 점. 일시 정지 중에 그림을 클릭해도 됩니다</translation>
    </message>
</context>
<context>
    <name>ScheduleForm</name>
    <message>
        <source>How the learning rate changes from update to update (from the next one on)</source>
        <translation>시행마다 학습률이 바뀌는 방식 (다음 시행부터 적용)</translation>
    </message>
    <message>
        <source>η schedule</source>
        <translation>η 스케줄</translation>
    </message>
    <message>
        <source>warm-up K</source>
        <translation>워밍업 K</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Round exactly where and as the lecture notes&apos; code does: the gradient, and the state and new parameters of AdaGrad, RMSProp and Adam, to this many decimals.
Like the notes&apos; round(), plain numbers are rounded to the nearest decimal and numpy numbers (everything after the first update, except SGD&apos;s) the way numpy rounds, so any run gives the notes&apos; own numbers. Takes effect from the step on view.</source>
        <extracomment>What the lecture-notes rounding is, in two sentences (also in the README).</extracomment>
        <translation>강의 노트의 코드가 반올림하는 곳에서 같은 방식으로 반올림합니다: 기울기, 그리고 AdaGrad, RMSProp, Adam의 상태와 새 매개변수를 이 자릿수로.
노트의 round()처럼 파이썬 숫자는 가장 가까운 소수로, numpy 숫자(SGD를 빼면 첫 시행 이후의 모든 값)는 numpy 방식으로 반올림하므로, 어느 실행이든 노트와 똑같은 숫자가 나옵니다. 표시 중인 단계부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Lecture-notes rounding</source>
        <translation>강의 노트식 반올림</translation>
    </message>
    <message>
        <source> decimals</source>
        <translation>자리</translation>
    </message>
    <message>
        <source>Step limit</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <source>Runs stop here (&quot;step limit reached&quot;)</source>
        <translation>실행은 이 단계에서 멈춥니다 (최대 단계 도달)</translation>
    </message>
</context>
<context>
    <name>SizeChooser</name>
    <message>
        <source>Custom size</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>From {0} to {1} pixels</source>
        <translation>{0}~{1} 픽셀</translation>
    </message>
    <message>
        <source>As on screen ({0} × {1})</source>
        <translation>화면 그대로 ({0} × {1})</translation>
    </message>
    <message>
        <source>As on screen, {0} times finer ({1} × {2})</source>
        <translation>화면 그대로, {0}배 선명하게 ({1} × {2})</translation>
    </message>
    <message>
        <source>The plot as the window shows it: its size, its text.</source>
        <translation>창에 보이는 그대로의 그림: 크기도 글자도 화면과 같습니다.</translation>
    </message>
    <message>
        <source>Laid out as a slide: text, lines and markers grow with the picture.</source>
        <translation>슬라이드처럼 배치: 글자, 선, 표식이 그림 크기에 맞춰 커집니다.</translation>
    </message>
</context>
<context>
    <name>Slide</name>
    <message>
        <source> · rounded to {0} decimals as in the notes</source>
        <extracomment>Text size on a slide&apos;s layout: on 1280 × 720 units about 17 units tall, 25 pixels on a 1920 × 1080 slide.</extracomment>
        <translation> · 노트처럼 소수 {0}자리로 반올림</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <source>Made with GradStep</source>
        <translation>GradStep으로 만듦</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>full speed</source>
        <extracomment>Steps per second offered, from one a second to as fast as the machine goes.</extracomment>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>초당 {n}단계</translation>
    </message>
    <message>
        <source>Steps per second while playing: 1 to full speed ([ slower, ] faster)</source>
        <translation>재생할 때 초당 단계 수: 1부터 최고 속도까지 ([ 느리게, ] 빠르게)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
</context>
<context>
    <name>StateModel</name>
    <message>
        <source>quantity</source>
        <translation>항목</translation>
    </message>
</context>
<context>
    <name>StatePanel</name>
    <message>
        <source>State at the step on view</source>
        <translation>표시 중인 단계의 상태</translation>
    </message>
</context>
<context>
    <name>StepWorker</name>
    <message>
        <source>Could not carry out “{command}”: {error}</source>
        <extracomment>At full speed, stop stepping from each snapshot until the window has drawn it (see the module docstring); benchmarks/play_variants.py measures the alternative</extracomment>
        <translation>“{command}” 명령을 실행하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Drag to look at any recorded step; the later steps are kept</source>
        <translation>끌어서 기록된 어느 단계든 볼 수 있습니다. 이후 단계는 그대로 남습니다</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>step {step} of {newest}</source>
        <translation>{step} / {newest}단계</translation>
    </message>
</context>
<context>
    <name>TunerDialog</name>
    <message>
        <source>Tune learning rates</source>
        <translation>학습률 탐색</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <source>updates each learning rate gets before it is scored by f (the window&apos;s step limit is not used)</source>
        <translation>학습률마다 f로 평가하기 전까지 시행하는 횟수 (창의 최대 단계는 쓰지 않음)</translation>
    </message>
    <message>
        <source>For the current function, each shown run&apos;s start point and its other settings: f after the tuning budget at each of the learning rates, log-spaced between the smallest and the largest. The lowest f wins; a run that diverges is worst.</source>
        <translation>현재 함수에서 보이는 각 실행을 그 초기값과 나머지 설정 그대로 두고, 최소와 최대 사이에 로그 간격으로 놓은 학습률마다 정해진 횟수만큼 시행한 뒤의 f를 구합니다. f가 가장 낮은 학습률이 최적이고, 발산하면 최하위입니다.</translation>
    </message>
    <message>
        <source>smallest η</source>
        <translation>최소 η</translation>
    </message>
    <message>
        <source>largest η</source>
        <translation>최대 η</translation>
    </message>
    <message>
        <source>number of rates</source>
        <translation>학습률 개수</translation>
    </message>
    <message>
        <source>budget (updates)</source>
        <translation>시행 횟수</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>탐색 시작</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Press Run to sweep.</source>
        <translation>&quot;탐색 시작&quot;을 누르면 학습률을 훑어 봅니다.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>η now</source>
        <translation>현재 η</translation>
    </message>
    <message>
        <source>best η</source>
        <translation>최적 η</translation>
    </message>
    <message>
        <source>f there</source>
        <translation>그때의 f</translation>
    </message>
    <message>
        <source>at the best η</source>
        <translation>최적 η에서</translation>
    </message>
    <message>
        <source>Apply the best learning rates</source>
        <translation>최적 학습률 적용</translation>
    </message>
    <message>
        <source>Set each run&apos;s learning rate to its best (one change: Edit ▸ Undo)</source>
        <translation>각 실행의 학습률을 최적값으로 바꿉니다 (한 번의 변경: 편집 ▸ 되돌리기)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>No run is shown: tick one in the run list.</source>
        <translation>보이는 실행이 없습니다. 실행 목록에서 하나를 체크하세요.</translation>
    </message>
    <message>
        <source>Sweeping {n} run(s)…</source>
        <translation>실행 {n}개 탐색 중…</translation>
    </message>
    <message>
        <source>Done: Apply sets each run&apos;s η to its best.</source>
        <translation>완료: &quot;최적 학습률 적용&quot;을 누르면 각 실행의 η가 최적값으로 바뀝니다.</translation>
    </message>
    <message>
        <source>the same f at every rate that did not diverge: none is better</source>
        <translation>발산하지 않은 모든 학습률에서 f가 같음: 더 나은 학습률이 없음</translation>
    </message>
    <message>
        <source>every rate diverged</source>
        <translation>모든 학습률에서 발산</translation>
    </message>
    <message>
        <source>{reason} (step {k})</source>
        <translation>{reason} ({k}단계)</translation>
    </message>
    <message>
        <source>The function has changed since the sweep: press Run again.</source>
        <translation>탐색한 뒤 함수가 바뀌었습니다. &quot;탐색 시작&quot;을 다시 누르세요.</translation>
    </message>
    <message>
        <source>Tuned learning rates</source>
        <translation>탐색한 학습률 적용</translation>
    </message>
    <message>
        <source>Learning rates set (Edit ▸ Undo takes them back).</source>
        <translation>학습률을 바꿨습니다 (편집 ▸ 되돌리기로 되돌릴 수 있습니다).</translation>
    </message>
    <message>
        <source>{n} run(s) left alone: gone, or another optimizer now.</source>
        <translation>실행 {n}개는 그대로 두었습니다. 삭제되었거나 옵티마이저가 바뀌었습니다.</translation>
    </message>
</context>
<context>
    <name>TunerPlot</name>
    <message>
        <source>learning rate η (log scale)</source>
        <translation>학습률 η (로그 눈금)</translation>
    </message>
    <message>
        <source>f − f* + δ (log scale)</source>
        <translation>f − f* + δ (로그 눈금)</translation>
    </message>
    <message>
        <source>the known minimum</source>
        <translation>알려진 최솟값</translation>
    </message>
    <message>
        <source>the lowest f any run reached</source>
        <translation>실행들이 도달한 가장 낮은 f</translation>
    </message>
    <message>
        <source>Height: f after the budget, minus f* = {f:g} ({where}), plus δ = {d:.0e} so that f* itself shows on the log axis. ★ each run&apos;s best η, dashed line its η now, × at the top: diverged.</source>
        <translation>높이: 정해진 횟수만큼 시행한 뒤의 f에서 f*를 빼고, f* 자체도 로그 축에 보이도록 δ = {d:.0e}를 더한 값 (f* = {f:g}: {where}). ★ 각 실행의 최적 η, 점선 현재 η, 맨 위의 × 발산.</translation>
    </message>
</context>
<context>
    <name>WindowModel</name>
    <message>
        <source>Open runs</source>
        <translation>실행 불러오기</translation>
    </message>
    <message>
        <source>Its step limit of {steps} is lowered to the window&apos;s {limit}.</source>
        <translation>최대 단계를 창의 한도에 맞춰 낮췄습니다: {steps} → {limit}.</translation>
    </message>
    <message>
        <source>Function {title}</source>
        <translation>함수 {title}</translation>
    </message>
    <message>
        <source>Change the settings</source>
        <translation>설정 변경</translation>
    </message>
    <message>
        <source>Show {name}</source>
        <translation>{name} 보이기</translation>
    </message>
    <message>
        <source>Hide {name}</source>
        <translation>{name} 숨기기</translation>
    </message>
    <message>
        <source>Colour of {name}</source>
        <translation>{name} 색</translation>
    </message>
    <message>
        <source>At most {n} runs side by side (a session file holds no more).</source>
        <translation>실행은 최대 {n}개까지 나란히 둘 수 있습니다 (세션 파일에도 그 이상은 담을 수 없습니다).</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>{name} 추가</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (사본)</translation>
    </message>
    <message>
        <source>The last run cannot be removed.</source>
        <translation>마지막 남은 실행은 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation>{name} 이름 바꾸기</translation>
    </message>
    <message>
        <source>{name}: schedule {schedule}</source>
        <translation>{name}: 스케줄 {schedule}</translation>
    </message>
    <message>
        <source>{name}: no noise</source>
        <translation>{name}: 노이즈 없음</translation>
    </message>
    <message>
        <source>{name}: noise {noise}</source>
        <translation>{name}: 노이즈 {noise}</translation>
    </message>
    <message>
        <source>{name}: start ({x}, {y})</source>
        <translation>{name}: 초기값 ({x}, {y})</translation>
    </message>
    <message>
        <source>Every shown run has stopped: press R to reset, or raise the step limit, or change a setting.</source>
        <translation>보이는 실행이 모두 멈췄습니다. R을 눌러 초기화하거나, 최대 단계를 늘리거나, 설정을 바꾸세요.</translation>
    </message>
    <message>
        <source>Reset every run</source>
        <translation>모든 실행 초기화</translation>
    </message>
    <message>
        <source>Continue from step {k}</source>
        <translation>{k}단계부터 이어 가기</translation>
    </message>
</context>
</TS>
