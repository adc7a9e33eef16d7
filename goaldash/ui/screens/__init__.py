"""The screens, one a file: the dashboard's main screen (`main`: the tabs), one plan over it
(`plan`) and the keys (`help`). The package imports none of them: the plan's screen and the
keys are imported when first shown, after the dashboard's first frame."""
