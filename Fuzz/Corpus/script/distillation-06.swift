plot(line(x: sizes, y: fewAlone, label: "student alone"),
     line(x: sizes, y: fewDistilled, label: "student distilled"),
     hline(teacherAccuracy, label: "teacher"),
     title: "A teacher helps most when labelled images are few",
     xLabel: "training images", yLabel: "test accuracy")
