import json

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.jobs import registry, runner, services
from lianjian.jobs.models import Job, JobStatus
from lianjian.jobs.progress import TerminalProgress, bar_text


def _when(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M:%S}" if moment else ""


def _param(text):
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise CommandError(_("参数须写成 键=值：%(text)s") % {"text": text})
    return key, value


class Command(BaseCommand):
    help = ("后台任务：list 列表；show 查看进度；run 前台运行并显示进度条；work 处理排队和中断的任务。"
            " Background jobs: list, show, run in the foreground, work the queue.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="最近的任务 / recent jobs")
        listing.add_argument("--status", choices=JobStatus.values)
        listing.add_argument("-n", type=int, default=20)
        show = sub.add_parser("show", help="任务详情和进度 / one job with its progress")
        show.add_argument("id", type=int)
        run = sub.add_parser("run", help="排队并在前台运行一个任务 / enqueue a job and run it here")
        run.add_argument("kind", help="任务类型，例如 trading.import")
        run.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                         help="参数（字符串），可重复 / a string parameter, repeatable")
        run.add_argument("--params", default="", metavar="JSON", help="JSON 对象形式的参数 / parameters as JSON")
        run.add_argument("--user", default="", help="以该用户名发起 / run on behalf of this username")
        work = sub.add_parser("work", help="持续处理排队、中断和到期的周期任务 / work queued, stale and periodic jobs")
        work.add_argument("--once", action="store_true", help="处理完现有任务后退出 / drain and exit")
        sub.add_parser("kinds", help="已注册的任务类型 / registered job kinds")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _note(self, text):
        self.stderr.write(text, style_func=str)

    def _line(self, job):
        who = job.created_by or _("系统")
        status = job.get_status_display()
        return f"#{job.pk:<6} {status:<4} {bar_text(job, width=20)} {job.kind_label} ({who}) {job.message}"

    def _list(self, status=None, n=20, **options):
        jobs = Job.objects.select_related("created_by").order_by("-created_at", "-id")
        if status:
            jobs = jobs.filter(status=status)
        for job in jobs[:n]:
            self.stdout.write(self._line(job))

    def _show(self, id, **options):
        job = Job.objects.select_related("created_by", "unit").filter(pk=id).first()
        if job is None:
            raise CommandError(_("没有编号为 %(id)s 的任务") % {"id": id})
        rows = [
            (_("任务"), f"{job.kind_label} [{job.kind}]"),
            (_("状态"), job.get_status_display()),
            (_("进度"), bar_text(job)),
            (_("说明"), job.message),
            (_("参数"), json.dumps(job.params, ensure_ascii=False)),
            (_("发起人"), str(job.created_by or _("系统"))),
            (_("创建时间"), _when(job.created_at)),
            (_("开始时间"), _when(job.started_at)),
            (_("结束时间"), _when(job.finished_at)),
            (_("运行次数"), str(job.attempts)),
            (_("执行者"), job.worker),
            (_("断点"), json.dumps(job.checkpoint, ensure_ascii=False) if job.checkpoint is not None else ""),
        ]
        if job.result is not None:
            rows.append((_("结果"), json.dumps(job.result, ensure_ascii=False)))
        for label, value in rows:
            self.stdout.write(f"{label}: {value}")
        if job.error:
            self.stdout.write(_("错误信息：") + "\n" + job.error)

    def _run(self, kind, param, params, user, **options):
        values = {}
        if params:
            try:
                values = json.loads(params)
            except json.JSONDecodeError as exc:
                raise CommandError(_("--params 不是有效的 JSON：%(error)s") % {"error": exc}) from None
        values.update(_param(p) for p in param)
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user, is_active=True).first()
            if actor is None:
                raise CommandError(_("没有用户名为 %(user)s 的有效用户") % {"user": user})
        try:
            job = services.job_enqueue(kind=kind, params=values, actor=actor, dispatch=False)
        except ValidationError as exc:
            known = ", ".join(sorted(registry.handlers())) or "-"
            raise CommandError("；".join(exc.messages) + "\n" + _("已注册的任务类型：%(kinds)s") % {"kinds": known}) from None
        self._note(_("任务 #%(id)s 已排队，开始运行……") % {"id": job.pk})
        try:
            finished = runner.run_job(job, reporter=TerminalProgress(self.stderr))
        except KeyboardInterrupt:
            raise CommandError(_("已中断。任务 #%(id)s 将由 `lianjian jobs work` 从断点接续。") % {"id": job.pk}) from None
        if finished is None:
            raise CommandError(_("任务 #%(id)s 已被其他进程接手") % {"id": job.pk})
        if finished.status != JobStatus.SUCCEEDED:
            raise CommandError(_("任务 #%(id)s %(status)s：%(message)s") % {
                "id": finished.pk, "status": finished.get_status_display(), "message": finished.message})
        if finished.result is not None:
            self.stdout.write(json.dumps(finished.result, ensure_ascii=False))

    def _work(self, once=False, **options):
        reporter = TerminalProgress(self.stderr)
        if not once:
            self._note(_("后台任务工作进程已启动（Ctrl-C 退出）"))
        try:
            ran = runner.work(once=once, reporter=reporter)
        except KeyboardInterrupt:
            self._note(_("已退出。正在运行的任务将在心跳超时后由其他工作进程接续。"))
            return
        self._note(_("已处理 %(n)d 个任务") % {"n": ran})

    def _kinds(self, **options):
        periodic = registry.periodic_tasks()
        for kind, handler in sorted(registry.handlers().items()):
            every = f"  [{_('每')} {periodic[kind].every}]" if kind in periodic else ""
            self.stdout.write(f"{kind}  {handler.label}{every}")
