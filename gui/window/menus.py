"""The main window's menus and actions, and the table of keyboard shortcuts the Help menu lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gui.i18n import LANGUAGE_KEY, LANGUAGES, language_setting

from .compare_dialog import show_compare

SHORTCUTS = [
    ("Drawing (canvas focused)", ""),
    ("1 – 9", "Add the drawing to class 1 – 9 (saved at once)"),
    ("Esc", "Clear the canvas"),
    ("Ctrl+Z", "Undo the last stroke"),
    ("Ctrl+Shift+Z", "Redo"),
    ("S / T / C", "Put a template square / triangle / circle on the canvas (drawing without a mouse)"),
    ("Gallery (gallery focused)", ""),
    ("Del", "Delete the selected drawings"),
    ("Ctrl+Z", "Undo the last delete or move"),
    ("Ctrl+A", "Select all shown drawings"),
    ("Double-click / Enter", "Open a drawing in the canvas"),
    ("Training", ""),
    ("Ctrl+T", "Train"),
    ("Ctrl+P", "Pause / Resume"),
    ("Ctrl+Shift+S", "Step: train exactly one mini-batch"),
    ("Ctrl+.", "Stop"),
    ("Ctrl+S", "Save the model (drawings are saved as you add them)"),
    ("Keyboard only", ""),
    ("Tab / Shift+Tab", "Move between the controls, panel by panel as they sit on screen"),
    ("Ctrl+C", "In a chart's panel (plots, prediction, filters, feature maps, Analysis): copy its numbers"),
    ("Windows", ""),
    ("Ctrl+L", "Lessons: the lecture step by step (Right / Left move through a lesson)"),
    ("Ctrl+Shift+Y", "Analysis: what the network learned"),
    ("F1", "This list"),
    ("Screen", ""),
    ("F5", "Presenter mode: full screen, canvas, prediction and plots only (Esc or F5 leaves)"),
    ("F11", "Full screen on / off (every window)"),
    ("Ctrl+= / Ctrl+-", "Zoom every window in / out (kept for the next start)"),
    ("Ctrl+0", "Zoom back to actual size"),
    ("Files", ""),
    ("Ctrl+N", "New dataset"),
    ("Ctrl+O", "Open a dataset"),
    ("Ctrl+Shift+A", "Save the dataset as…"),
    ("Ctrl+I", "Import drawings or image folders"),
    ("Ctrl+Q", "Quit"),
]


def _action(window: QMainWindow, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow) -> None:
    """File, Model, View and Help menus of `window` (a `MainWindow` whose docks and collaborators exist).
    Sets `window.recent_menu` and the training actions `train_action`, `pause_action`, `step_action`,
    `stop_action`."""
    w, files, training, side, messages = (
        window,
        window.files,
        window.training,
        window.side_windows,
        window.messages,
    )
    bar = w.menuBar()
    f = bar.addMenu("&File")
    _action(
        w,
        f,
        "&New dataset…",
        files.new_dataset,
        QKeySequence.StandardKey.New,
        "Start an empty dataset file (the classes are kept)",
    )
    _action(
        w,
        f,
        "&Open…",
        files.open_dataset_dialog,
        QKeySequence.StandardKey.Open,
        "Open a dataset file (NDJSON, Quick, Draw! format)",
    )
    w.recent_menu = f.addMenu("Open &Recent")
    _action(
        w,
        f,
        "Save &As…",
        files.save_as_dialog,
        "Ctrl+Shift+A",
        "Save the drawings to a new file and keep working there",
    )
    _action(
        w,
        f,
        "Open a &class folder…",
        files.open_class_folder_dialog,
        None,
        "Show every drawing file of a folder (many students' files) as one read-only dataset, per drawer",
    )
    w.include_base_action = _action(
        w,
        f,
        "Include the starter set (read-only)",
        w.labelling.set_include_base,
        None,
        "Show and train on the read-only starter set (or class folder) together with your own drawings",
    )
    w.include_base_action.setCheckable(True)
    w.include_base_action.setChecked(w.state.include_base)
    _action(
        w,
        f,
        "Your &drawer name…",
        w.labelling.ask_drawer_name,
        None,
        "The pseudonym stored with every drawing you add (to count and test per person)",
    )
    f.addSeparator()
    _action(
        w,
        f,
        "&Import drawings or image folders…",
        files.import_dialog,
        "Ctrl+I",
        "Add drawings from NDJSON files, or images from a folder of class folders",
    )
    _action(
        w,
        f,
        "&Export as image folders…",
        files.export_dialog,
        None,
        "Write every drawing as a 28×28 PNG into one folder per class",
    )
    f.addSeparator()
    quit_action = _action(
        w,
        f,
        "&Quit",
        w.close,
        QKeySequence.StandardKey.Quit,
        "Quit ShapeLab (your drawings are already saved)",
    )

    m = bar.addMenu("&Model")
    _action(w, m, "&Open…", files.open_model_dialog, None, "Load a trained model (.npz)")
    _action(w, m, "&Save…", files.save_model_dialog, "Ctrl+S", "Save the model with its steps and settings")
    _action(w, m, "&Compare…", lambda: show_compare(w), None,
            "Model files side by side on the open dataset: accuracy overall, per class and per drawer")
    m.addSeparator()
    w.train_action = _action(w, m, "&Train", training.train, "Ctrl+T", "Train the network")
    w.pause_action = _action(
        w, m, "&Pause / Resume", training.toggle_pause, "Ctrl+P", "Pause or resume training"
    )
    w.step_action = _action(
        w, m, "S&tep one mini-batch", training.step, "Ctrl+Shift+S", "Train on exactly one mini-batch"
    )
    w.stop_action = _action(w, m, "St&op", w.controller.stop, "Ctrl+.", "Stop training")
    m.addSeparator()
    _action(w, m, "&Reset weights", training.reset_weights, None, "Fresh random weights")
    w.val_by_drawer_action = _action(
        w,
        m,
        "Validate on unseen &drawers",
        training.val_by_drawer_toggled,
        None,
        "Hold out every drawing of some drawers for validation (the validation share of the training "
        "settings), so the accuracy says how the model does on people it has not seen",
    )
    w.val_by_drawer_action.setCheckable(True)
    # File › Export report…, File › Export (panels as PNG / CSV), Model › Export…
    w.exports.add_menu_entries(f, m, before=quit_action)

    v = bar.addMenu("&View")
    for dock in w.docks:
        v.addAction(dock.toggleViewAction())
    v.addSeparator()
    _action(
        w,
        v,
        "&Analysis…",
        side.show_analysis,
        "Ctrl+Shift+Y",
        "What did the network learn: confusions, representations, saliency, dataset health "
        "(a separate window)",
    )
    _action(
        w,
        v,
        "&Lessons…",
        side.show_lessons,
        "Ctrl+L",
        "The lecture step by step, with its numbers and your drawings (a separate window)",
    )
    v.addSeparator()
    _action(
        w,
        v,
        "Clear earlier &runs from the plots",
        w.plots.clear_runs,
        None,
        "Remove the faded curves of earlier runs",
    )
    _action(w, v, "Reset &layout", w.dock_layout.reset_layout, None, "Put every panel back where it started")
    v.addSeparator()
    add_screen_actions(w, v)

    h = bar.addMenu("&Help")
    _action(
        w,
        h,
        "&Keyboard shortcuts",
        messages.show_shortcuts,
        QKeySequence.StandardKey.HelpContents,
        "List the keyboard shortcuts",
    )
    _action(w, h, "&About ShapeLab", messages.show_about, None, "About ShapeLab")


def _keys(*keys) -> list[QKeySequence]:
    """Key sequences without duplicates (a standard key may repeat one given by hand: Qt would call the
    shortcut ambiguous)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [
            QKeySequence(key)]
        for seq in sequences:
            if not seq.isEmpty() and all(seq != known for known in out):
                out.append(seq)
    return out


def add_screen_actions(window: QMainWindow, menu) -> None:
    """Presenter mode (F5), Full screen (F11), the zoom actions and View › Language, in `menu`. Full screen
    and zoom work from every window (application-wide shortcuts); they are also the main window's own
    actions, so their keys keep working while presenter mode hides the menu bar. The texts are marked for
    translation (resources/i18n/shapelab_ko.ts)."""
    w, modes, zoom = window, window.screen_modes, window.zoom
    translate = QCoreApplication.translate
    w.presenter_action = _action(
        w, menu, translate("ScreenActions", "&Presenter mode"), modes.toggle_presenter, "F5",
        translate(
            "ScreenActions",
            "Full screen with the canvas, the prediction and the live plots only, in large type "
            "(Esc or F5 leaves)",
        ),
    )
    w.full_screen_action = _action(
        w, menu, translate("ScreenActions", "&Full screen"), lambda: modes.toggle_full_screen(), "F11",
        translate("ScreenActions", "Full screen on or off for the window in front (F11 again leaves)"),
    )
    w.zoom_in_action = _action(
        w, menu, translate("ScreenActions", "Zoom &in"), zoom.zoom_in, None,
        translate("ScreenActions", "Larger text and lines in every window"),
    )
    w.zoom_in_action.setShortcuts(_keys("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn))
    w.zoom_out_action = _action(
        w, menu, translate("ScreenActions", "Zoom &out"), zoom.zoom_out, None,
        translate("ScreenActions", "Smaller text and lines in every window"),
    )
    w.zoom_out_action.setShortcuts(_keys("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
    w.zoom_reset_action = _action(
        w, menu, translate("ScreenActions", "&Actual size"), zoom.reset, "Ctrl+0",
        translate("ScreenActions", "Zoom back to 100 %"),
    )
    for action in (w.full_screen_action, w.zoom_in_action, w.zoom_out_action, w.zoom_reset_action):
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    w.addActions([w.presenter_action, w.full_screen_action, w.zoom_in_action, w.zoom_out_action,
                  w.zoom_reset_action])
    add_language_menu(w, menu)


def add_language_menu(window: QMainWindow, menu) -> None:
    """View › Language: the system's language, English or Korean; kept in the settings, used from the next
    start (the status bar says so)."""
    languages = menu.addMenu(QCoreApplication.translate("ScreenActions", "&Language"))
    window.language_actions = {}
    group = QActionGroup(window)
    current = language_setting(window.settings)
    system = QCoreApplication.translate("ScreenActions", "System language")
    for code, text in (("system", system), *LANGUAGES):
        action = QAction(text, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        languages.addAction(action)
        window.language_actions[code] = action
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))


def choose_language(window: QMainWindow, code: str) -> None:
    window.settings.setValue(LANGUAGE_KEY, code)
    window.settings.sync()
    window.statusBar().showMessage(
        QCoreApplication.translate("ScreenActions", "The language changes when ShapeLab starts again."), 10000
    )
