/** EC2 resource kinds: an instance, or the launch template that an Auto Scaling group starts instances from. */

export const INSTANCE_TYPES = ["aws_instance", "aws_launch_template"];
